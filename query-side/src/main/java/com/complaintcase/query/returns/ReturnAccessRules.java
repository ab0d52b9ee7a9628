package com.complaintcase.query.returns;

import com.complaintcase.platform.security.AccessRules;
import com.complaintcase.values.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who reads and files the regulatory returns (reporting contract): supervisors, compliance, the regulator and analysts
 * read them (case ids and figures only, no personal data); only compliance files one.
 */
@Component
class ReturnAccessRules implements AccessRules {

    private static final String[] READERS = {Role.SUPERVISOR.name(), Role.COMPLIANCE.name(), Role.REGULATOR.name(),
            Role.ANALYST.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.GET, "/api/returns/fca-disp1", "/api/returns/fca-disp1.csv",
                        "/api/returns/cfpb", "/api/returns/cfpb.csv", "/api/returns/cn-pboc", "/api/returns/cn-pboc.csv",
                        "/api/returns/filings/*", "/api/returns/filings/*/check").hasAnyRole(READERS)
                .requestMatchers(HttpMethod.POST, "/api/returns/*/filings").hasRole(Role.COMPLIANCE.name());
    }
}
