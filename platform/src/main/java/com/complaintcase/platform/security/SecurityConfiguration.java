package com.complaintcase.platform.security;

import com.complaintcase.platform.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Every request is authenticated. Standalone mode uses HTTP Basic with the configured users; who may
 * do what is checked on each endpoint and again by the aggregate.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String REALM = "complaints";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, AuthenticationManager authenticationManager,
                                    List<AccessRules> accessRules) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                            "/swagger-ui.html", "/error").permitAll();
                    accessRules.forEach(rules -> rules.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic
                        .realmName(REALM)
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                    "Authentication required", "send HTTP Basic credentials of a known user");
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler((request, response, denied) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "ROLE_NOT_ALLOWED", "Not allowed for this role", denied.getMessage())));
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager userDetailsService(SecurityProperties properties) {
        String password = Optional.ofNullable(properties.getDemoPassword())
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("complaints.security.demo-password must be set"));
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        String hash = "{bcrypt}" + encoder.encode(password);
        List<UserDetails> users = properties.getUsers().entrySet().stream()
                .map(user -> User.withUsername(user.getKey()).password(hash).roles(user.getValue().name()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthenticationManager authenticationManager(InMemoryUserDetailsManager users, SecurityProperties properties) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(org.springframework.security.crypto.factory.PasswordEncoderFactories
                .createDelegatingPasswordEncoder());
        return new ProviderManager(new CachingAuthenticationProvider(checked, properties.getCredentialCacheTtl(),
                Clock.systemUTC()));
    }

    @Bean
    UserDirectory userDirectory(SecurityProperties properties) {
        return userId -> Optional.ofNullable(properties.getUsers().get(userId))
                .map(role -> new DirectoryUser(userId, role));
    }

    @Bean
    WebMvcConfigurer actorArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }
}
