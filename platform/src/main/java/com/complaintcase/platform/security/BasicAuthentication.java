package com.complaintcase.platform.security;

import com.complaintcase.platform.edge.UnreadBodies;
import com.complaintcase.platform.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Standalone identities: HTTP Basic with the configured users, each acting in one role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "complaints.security", name = "mode", havingValue = "basic", matchIfMissing = true)
class BasicAuthentication {

    static final String REALM = "complaints";

    @Bean
    InMemoryUserDetailsManager userDetailsService(SecurityProperties properties) {
        String password = Optional.ofNullable(properties.getDemoPassword())
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("complaints.security.demo-password must be set"));
        properties.getUsers().forEach((user, role) -> {
            if (!role.isPersonal()) {
                throw new IllegalStateException("complaints.security.users." + user + ": nobody signs in as " + role);
            }
        });
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        List<UserDetails> users = properties.getUsers().entrySet().stream()
                .map(user -> User.withUsername(user.getKey()).password(hash).roles(user.getValue().name()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthenticationManager authenticationManager(InMemoryUserDetailsManager users, SecurityProperties properties) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(new CachingAuthenticationProvider(checked, properties.getCredentialCacheTtl(),
                Clock.systemUTC()));
    }

    @Bean
    AuthenticationMechanism httpBasic(AuthenticationManager authenticationManager, ProblemResponses problems) {
        return http -> http
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic
                        .realmName(REALM)
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                            UnreadBodies.closeAfterRefusal(request, response);
                            problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                    "Authentication required", "send HTTP Basic credentials of a known user");
                        }));
    }
}
