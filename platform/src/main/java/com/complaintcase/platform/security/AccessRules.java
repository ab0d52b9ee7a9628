package com.complaintcase.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may call which endpoints. Each side contributes its own rules; they are checked before
 * the request body is even read, so a role that may not act gets 403 whatever it sent.
 */
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
