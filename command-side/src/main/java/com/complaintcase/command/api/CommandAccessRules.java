package com.complaintcase.command.api;

import com.complaintcase.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may send which command: the contract's "who" column. The case checks the same again. */
@Component
class CommandAccessRules implements AccessRules {

    private static final String INTAKE = "INTAKE";
    private static final String HANDLER = "HANDLER";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String COMPLIANCE = "COMPLIANCE";

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.POST, "/api/complaints").hasAnyRole(INTAKE, HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/review").hasRole(SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/assign").hasRole(SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/transfer").hasAnyRole(HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/contacts").hasAnyRole(HANDLER, INTAKE)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/evidence").hasRole(HANDLER)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/findings").hasRole(HANDLER)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/hold").hasAnyRole(HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/resume").hasAnyRole(HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/resolution").hasRole(HANDLER)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/compensation-approval").hasRole(SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/customer-response").hasRole(HANDLER)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/compensation-payment").hasAnyRole(HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/feedback").hasAnyRole(HANDLER, INTAKE)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/close").hasAnyRole(HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/reopen").hasAnyRole(INTAKE, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/withdraw").hasAnyRole(INTAKE, HANDLER)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/escalate").hasAnyRole(INTAKE, HANDLER, SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/deadline-extension").hasRole(SUPERVISOR)
                .requestMatchers(HttpMethod.POST, "/api/customers/*/erasure").hasRole(COMPLIANCE)
                .requestMatchers(HttpMethod.POST, "/api/customers/*/legal-hold").hasRole(COMPLIANCE)
                .requestMatchers(HttpMethod.POST, "/api/customers/*/legal-hold/release").hasRole(COMPLIANCE);
    }
}
