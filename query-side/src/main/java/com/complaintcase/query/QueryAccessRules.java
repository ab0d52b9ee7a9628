package com.complaintcase.query;

import com.complaintcase.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read what (domain brief, section 1): history carries personal data, so analysts may not read
 * it; rebuilding projections is for compliance and supervisors; nobody writes through the query side. Checking a
 * case's integrity is for compliance (who checks it), supervisors and the regulator; exports, which carry every
 * event with its personal data, for compliance and the regulator.
 */
@Component
class QueryAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.GET, "/api/cases/*/verification").hasAnyRole("COMPLIANCE", "REGULATOR", "SUPERVISOR")
                .requestMatchers(HttpMethod.GET, "/api/cases/*/export", "/api/exports/cases").hasAnyRole("COMPLIANCE", "REGULATOR")
                .requestMatchers(HttpMethod.GET, "/api/cases/*/history")
                .hasAnyRole("INTAKE", "HANDLER", "SUPERVISOR", "COMPLIANCE", "REGULATOR")
                .requestMatchers("/api/admin/projections", "/api/admin/projections/**").hasAnyRole("COMPLIANCE", "SUPERVISOR")
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**", "/api/metrics/**")
                .hasAnyRole("INTAKE", "HANDLER", "SUPERVISOR", "COMPLIANCE", "REGULATOR", "ANALYST");
    }
}
