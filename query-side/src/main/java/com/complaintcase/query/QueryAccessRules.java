package com.complaintcase.query;

import com.complaintcase.platform.security.AccessRules;
import com.complaintcase.values.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Who may read what (domain brief, section 1). Every person may read a case, its lists and the metrics; an analyst
 * sees a case without personal data (left out by the query handler) and may not read its history, whose events
 * carry personal data (refused by the query handler too). Checking a case's integrity is for compliance (who checks
 * it), supervisors and the regulator; exports, which carry every event with its personal data, for compliance and the
 * regulator. Rebuilding projections, and retrying or evicting the events a projection parked after a failure, is for
 * compliance and supervisors: it changes no case and no event; so is the list of cases whose history was found broken.
 * Each path is named: a path not named here is refused.
 */
@Component
class QueryAccessRules implements AccessRules {

    private static final String[] EVERY_PERSON = roles(Role::isPersonal);
    private static final String[] READERS_OF_PERSONAL_DATA = roles(Role::readsPersonalData);
    private static final String[] PROJECTION_ADMINISTRATORS = {Role.COMPLIANCE.name(), Role.SUPERVISOR.name()};
    private static final String[] INTEGRITY_CHECKERS = {Role.COMPLIANCE.name(), Role.REGULATOR.name(), Role.SUPERVISOR.name()};
    /** The bank's own statistics (reporting contract): ids, counts and amounts, no personal data. */
    private static final String[] STATISTICS_READERS = {Role.SUPERVISOR.name(), Role.COMPLIANCE.name(),
            Role.REGULATOR.name(), Role.ANALYST.name()};
    private static final String[] EXPORTERS = {Role.COMPLIANCE.name(), Role.REGULATOR.name()};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.GET, "/api/cases/*/history").hasAnyRole(READERS_OF_PERSONAL_DATA)
                .requestMatchers(HttpMethod.GET, "/api/cases/*/verification").hasAnyRole(INTEGRITY_CHECKERS)
                .requestMatchers(HttpMethod.GET, "/api/cases/*/export", "/api/exports/cases").hasAnyRole(EXPORTERS)
                .requestMatchers(HttpMethod.GET, "/api/cases/open", "/api/cases/overdue", "/api/cases/open.csv",
                        "/api/cases/overdue.csv", "/api/cases/stream").hasAnyRole(EVERY_PERSON)
                .requestMatchers(HttpMethod.GET, "/api/cases/*").hasAnyRole(EVERY_PERSON)
                .requestMatchers(HttpMethod.GET, "/api/metrics/satisfaction", "/api/metrics/handling-time",
                        "/api/metrics/volume").hasAnyRole(EVERY_PERSON)
                .requestMatchers(HttpMethod.GET, "/api/statistics/daily", "/api/statistics/daily.csv",
                        "/api/metrics/on-time", "/api/metrics/on-time.csv", "/api/metrics/overdue-age",
                        "/api/metrics/overdue-age.csv", "/api/metrics/rates", "/api/metrics/rates.csv",
                        "/api/metrics/compensation", "/api/metrics/compensation.csv", "/api/metrics/trend",
                        "/api/metrics/trend.csv", "/api/metrics/hot-spots", "/api/metrics/hot-spots.csv")
                .hasAnyRole(STATISTICS_READERS)
                .requestMatchers(HttpMethod.GET, "/api/admin/projections", "/api/admin/projections/*")
                .hasAnyRole(PROJECTION_ADMINISTRATORS)
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/*/replay").hasAnyRole(PROJECTION_ADMINISTRATORS)
                .requestMatchers(HttpMethod.GET, "/api/admin/projections/*/dead-letters",
                        "/api/admin/projections/*/dead-letters/evictions").hasAnyRole(PROJECTION_ADMINISTRATORS)
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/*/dead-letters/retry",
                        "/api/admin/projections/*/dead-letters/*/retry", "/api/admin/projections/*/dead-letters/*/eviction")
                .hasAnyRole(PROJECTION_ADMINISTRATORS)
                .requestMatchers(HttpMethod.GET, "/api/admin/integrity/broken-cases").hasAnyRole(PROJECTION_ADMINISTRATORS);
    }

    private static String[] roles(Predicate<Role> which) {
        return Arrays.stream(Role.values()).filter(which).map(Role::name).toArray(String[]::new);
    }
}
