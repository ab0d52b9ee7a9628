package com.complaintcase.command;

import com.complaintcase.command.privacy.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code complaints.privacy.retention.<jurisdiction>}: how long a finished case is kept before its customer's
 * personal data may be erased (ISO periods, e.g. {@code P3Y}); configured jurisdictions replace the defaults
 * ({@link RetentionPolicy#DEFAULTS}) one by one.
 */
@ConfigurationProperties("complaints.privacy")
public class PrivacyRetentionProperties {

    private Map<String, Period> retention = new LinkedHashMap<>(RetentionPolicy.DEFAULTS);

    public Map<String, Period> getRetention() {
        return retention;
    }

    public void setRetention(Map<String, Period> retention) {
        this.retention = retention;
    }

    RetentionPolicy toPolicy() {
        return new RetentionPolicy(retention);
    }
}
