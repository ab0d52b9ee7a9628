package com.complaintcase.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The key store of personal data and the Jackson module that encrypts it in Axon's serializers (see ADR 0008).
 * Without {@code complaints.privacy.master-key} the application does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyConfiguration.PrivacyProperties.class)
public class PrivacyConfiguration {

    /** {@code complaints.privacy.master-key}: base64 of the AES key the data keys are stored under. */
    @ConfigurationProperties("complaints.privacy")
    public record PrivacyProperties(String masterKey) {
    }

    @Bean
    JdbcDataKeys dataKeys(DataSource dataSource, PrivacyProperties properties, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new JdbcDataKeys(dataSource, MasterKey.fromBase64(properties.masterKey(), random), random, clock);
    }

    @Bean
    PersonalDataCipher personalDataCipher(JdbcDataKeys dataKeys) {
        return new PersonalDataCipher(dataKeys);
    }

    @Bean
    PersonalDataModule personalDataModule(PersonalDataCipher cipher) {
        return new PersonalDataModule(cipher);
    }
}
