package com.complaintcase.platform.security;

import com.complaintcase.platform.edge.UnreadBodies;
import com.complaintcase.platform.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Production identities: a bearer JWT from the bank's identity provider, verified by Spring's OAuth2 resource
 * server with the decoder Spring Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*} (issuer,
 * JWK set or public key); the user and role come from the claims named under {@code complaints.security.jwt}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "complaints.security", name = "mode", havingValue = "jwt")
class JwtAuthentication {

    @Bean
    AuthenticationMechanism bearerJwt(ObjectProvider<JwtDecoder> decoders, SecurityProperties properties,
                                      ProblemResponses problems) {
        JwtDecoder decoder = decoders.getIfAvailable(() -> {
            throw new IllegalStateException("complaints.security.mode=jwt needs a token verifier: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or .public-key-location");
        });
        JwtActorConverter actors = new JwtActorConverter(properties.getJwt());
        AuthenticationEntryPoint unauthenticated = unauthenticated(problems);
        return http -> http
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated));
    }

    /** 401 with the bearer challenge (RFC 6750) and a problem body: no token, or one that failed verification. */
    private static AuthenticationEntryPoint unauthenticated(ProblemResponses problems) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            challenge.commence(request, response, failure);
            UnreadBodies.closeAfterRefusal(request, response);
            if (failure instanceof OAuth2AuthenticationException) {
                problems.write(response, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "Invalid bearer token",
                        failure.getMessage());
            } else {
                problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required",
                        "send a bearer token of the bank's identity provider");
            }
        };
    }
}
