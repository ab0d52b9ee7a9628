package com.complaintcase.query.console;

import com.complaintcase.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The console's pages, scripts and chart library are open: they hold no data. Every figure they show is read from
 * the API with the signed-in person's credentials, so each role sees exactly what the API lets it see.
 */
@Component
class ConsoleAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, ConsoleWeb.PATH, ConsoleWeb.PATH + "/", ConsoleWeb.PATH + "/**",
                ConsoleWeb.CHART_LIBRARY + "/**").permitAll();
    }
}
