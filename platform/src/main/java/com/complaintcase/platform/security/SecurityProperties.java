package com.complaintcase.platform.security;

import com.complaintcase.values.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standalone identities: HTTP Basic users with their role. The password comes from configuration
 * ({@code complaints.security.demo-password}); it is never in the code.
 */
@ConfigurationProperties("complaints.security")
public class SecurityProperties {

    /** The password of every demo user. */
    private String demoPassword;

    /** How long a checked username/password pair is remembered, to spare a bcrypt per request. */
    private Duration credentialCacheTtl = Duration.ofMinutes(5);

    /** User id to role. */
    private Map<String, Role> users = new LinkedHashMap<>(Map.of(
            "intake1", Role.INTAKE,
            "handler1", Role.HANDLER,
            "handler2", Role.HANDLER,
            "supervisor1", Role.SUPERVISOR,
            "supervisor2", Role.SUPERVISOR,
            "compliance1", Role.COMPLIANCE,
            "regulator1", Role.REGULATOR,
            "analyst1", Role.ANALYST));

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
}
