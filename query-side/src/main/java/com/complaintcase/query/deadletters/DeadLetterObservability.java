package com.complaintcase.query.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many events each projection has parked: the gauge {@value #GAUGE} per projection, and the health component
 * {@code deadLetters}. Parked events leave cases behind in the views, but the service still answers, and a restart
 * would not apply them: the component stays UP and reports the counts, and a readiness probe does not take the
 * service out of rotation for them. Both are read when asked, one count query per projection.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterObservability {

    static final String GAUGE = "complaints.dead.letters";

    /** The processors exist once Axon has started, which it has when the application is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> deadLetterGauges(DeadLetters deadLetters, MeterRegistry registry) {
        return ready -> deadLetters.projections().forEach(projection -> Gauge
                .builder(GAUGE, deadLetters, letters -> letters.count(projection))
                .description("Events the projection parked after a failure, not applied until retried")
                .tag("processor", projection)
                .register(registry));
    }

    @Bean
    AbstractHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new AbstractHealthIndicator() {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                builder.up();
                deadLetters.projections().forEach(projection -> builder.withDetail(projection, deadLetters.count(projection)));
            }
        };
    }
}
