package com.complaintcase.query.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's sign-in in jwt mode, under {@code complaints.console}: the OpenID Connect issuer (default: the
 * resource server's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), the console's public client id
 * registered there (no secret: the authorization-code flow with PKCE) and the scopes asked for.
 */
@ConfigurationProperties("complaints.console")
record ConsoleProperties(@DefaultValue Oidc oidc) {

    record Oidc(String issuer, @DefaultValue("complaints-console") String clientId, @DefaultValue("openid") String scope) {
    }
}
