package com.complaintcase.platform.security;

import com.complaintcase.values.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where identities come from. {@code basic} (standalone): HTTP Basic users with their role, the password from
 * configuration ({@code complaints.security.demo-password}), never in the code. {@code jwt} (production): a bearer
 * token checked by Spring's OAuth2 resource server ({@code spring.security.oauth2.resourceserver.jwt.*}), the user
 * and role read from the claims named under {@code complaints.security.jwt}.
 */
@ConfigurationProperties("complaints.security")
public class SecurityProperties {

    public enum Mode {
        BASIC,
        JWT
    }

    /** basic (HTTP Basic, the users below) or jwt (bearer tokens of the bank's identity provider). */
    private Mode mode = Mode.BASIC;

    /** The password of every demo user (basic mode only). */
    private String demoPassword;

    /** How long a checked username/password pair is remembered, to spare a bcrypt per request. */
    private Duration credentialCacheTtl = Duration.ofMinutes(5);

    /** User id to role: the users of basic mode, and in both modes the directory of people a case can be assigned to. */
    private Map<String, Role> users = new LinkedHashMap<>(Map.of(
            "intake1", Role.INTAKE,
            "handler1", Role.HANDLER,
            "handler2", Role.HANDLER,
            "supervisor1", Role.SUPERVISOR,
            "supervisor2", Role.SUPERVISOR,
            "compliance1", Role.COMPLIANCE,
            "regulator1", Role.REGULATOR,
            "analyst1", Role.ANALYST));

    private final Jwt jwt = new Jwt();

    /** Which claims of a bearer token name the user and their role. */
    public static class Jwt {

        /**
         * The claim holding the user's roles: a list or a space- or comma-separated string. A dotted path reaches
         * into nested claims ({@code realm_access.roles}); a claim whose own name contains dots is found first.
         */
        private String rolesClaim = "roles";

        /** The claim holding the user id recorded in every event's metadata. */
        private String userIdClaim = "sub";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getUserIdClaim() {
            return userIdClaim;
        }

        public void setUserIdClaim(String userIdClaim) {
            this.userIdClaim = userIdClaim;
        }
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getDemoPassword() {
        return demoPassword;
    }

    public void setDemoPassword(String demoPassword) {
        this.demoPassword = demoPassword;
    }

    public Duration getCredentialCacheTtl() {
        return credentialCacheTtl;
    }

    public void setCredentialCacheTtl(Duration credentialCacheTtl) {
        this.credentialCacheTtl = credentialCacheTtl;
    }

    public Map<String, Role> getUsers() {
        return users;
    }

    public void setUsers(Map<String, Role> users) {
        this.users = users;
    }

    public Jwt getJwt() {
        return jwt;
    }
}
