package com.complaintcase.standalone.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The PostgreSQL server the standalone application runs from the embedded binaries, under
 * {@code complaints.embedded-database}.
 *
 * @param enabled        false: use {@code spring.datasource.*} (a server of your own) instead
 * @param directory      its data directory (application.yml: {@code <complaints.data-dir>/postgres})
 * @param port           the port it listens on, on localhost only; 0: a free one at each start
 * @param database       the database the application's tables are in, made at the first start
 * @param startupWait    how long a start may take (a start after a crash first replays the write-ahead log)
 * @param leftoverStopWait how long to wait for a server a killed run left behind to stop before it is killed
 */
@ConfigurationProperties("complaints.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        Path directory,
        @DefaultValue("0") int port,
        @DefaultValue("complaints") String database,
        @DefaultValue("PT2M") Duration startupWait,
        @DefaultValue("PT30S") Duration leftoverStopWait) {
}
