package com.complaintcase.platform.observability;

import com.complaintcase.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The Prometheus scrape is open, like the health probes: it carries counts and timings, no case data. Where the
 * service's port is reachable from outside the cluster, the scrape path belongs behind the ingress's own rules.
 */
class OperationsAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
    }
}
