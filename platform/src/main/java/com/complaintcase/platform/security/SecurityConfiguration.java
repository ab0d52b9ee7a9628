package com.complaintcase.platform.security;

import com.complaintcase.platform.problem.ProblemResponses;
import com.complaintcase.values.Actor;
import com.complaintcase.values.Excerpt;
import com.complaintcase.values.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Optional;

/**
 * Every request is authenticated (HTTP Basic in standalone mode, a bearer JWT in production) and every path is
 * named: each side contributes its {@link AccessRules}, and a path nobody named is refused, so a new endpoint is
 * closed until someone decides who may call it. Who may act is checked here and again by the command handlers and
 * query handlers behind the endpoints. Health and info stay open for orchestrators, as does the API description;
 * the other actuator endpoints are for the supervisors and compliance officers who run the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String[] OPERATORS = {Role.SUPERVISOR.name(), Role.COMPLIANCE.name()};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, AuthenticationMechanism authentication,
                                    List<AccessRules> accessRules) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // probes and the Prometheus scrape (counts and timings, no case data) are open, for orchestrators
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    // the container's forward to Spring's error page; a request for /error itself is refused like any unnamed path
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/actuator", "/actuator/**").hasAnyRole(OPERATORS);
                    accessRules.forEach(rules -> rules.apply(requests));
                    requests.anyRequest().denyAll();
                })
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refused(problems)));
        authentication.configure(http);
        return http.build();
    }

    /**
     * 403 as a problem: {@code ROLE_NOT_ALLOWED} for a role the endpoint does not admit, {@code NO_ACTING_ROLE} for
     * someone authenticated without exactly one role of this service to act in.
     */
    private static AccessDeniedHandler refused(ProblemResponses problems) {
        return (request, response, denied) -> {
            Optional<Actor> actor = CurrentActor.find();
            if (actor.isEmpty()) {
                problems.write(response, HttpStatus.FORBIDDEN, "NO_ACTING_ROLE", "No role to act in",
                        "a request acts in exactly one role of this service; your credentials name "
                                + claimedRoles(SecurityContextHolder.getContext().getAuthentication()));
                return;
            }
            problems.write(response, HttpStatus.FORBIDDEN, "ROLE_NOT_ALLOWED", "Not allowed for this role",
                    "role " + actor.get().role() + " may not " + describe(request));
        };
    }

    private static String claimedRoles(Authentication authentication) {
        List<String> claimed = authentication == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(JwtActorConverter.CLAIMED_ROLE_PREFIX))
                .map(authority -> authority.substring(JwtActorConverter.CLAIMED_ROLE_PREFIX.length()))
                .toList();
        return claimed.isEmpty() ? "none" : "several: " + Excerpt.of(String.join(", ", claimed));
    }

    private static String describe(HttpServletRequest request) {
        return Excerpt.of(request.getMethod() + " " + request.getRequestURI());
    }

    /** The people a case can be assigned to; a deployment with a real directory (LDAP, the identity provider) replaces it. */
    @Bean
    @ConditionalOnMissingBean
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
