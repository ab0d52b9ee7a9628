package com.complaintcase.platform.deployment;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts one side (command or query) as a service of its own. Its configuration is read from
 * {@value #SHARED_CONFIG}{@code .yml} (what both services share, in the platform) and {@code <side>.yml}, with their
 * profile variants ({@code -axonserver}), instead of {@code application.yml}: the standalone launcher has the sides on
 * its classpath and keeps its own {@code application.yml}, which a service never reads, and the other way round.
 */
public final class ServiceLauncher {

    /** The name of the configuration both services read before their own. */
    public static final String SHARED_CONFIG = "complaint-service";

    private ServiceLauncher() {
    }

    /**
     * The application of {@code applicationClass}, reading {@value #SHARED_CONFIG} and {@code configName}.
     * Axon's update checker and console message are off, as in the standalone launcher: a bank's servers do not call home.
     */
    public static SpringApplicationBuilder service(Class<?> applicationClass, String configName) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
        return new SpringApplicationBuilder(applicationClass)
                .properties("spring.config.name=" + SHARED_CONFIG + "," + configName);
    }
}
