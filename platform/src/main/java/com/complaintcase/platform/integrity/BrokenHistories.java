package com.complaintcase.platform.integrity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cases whose chain was found broken (table {@code integrity_broken_case}), for compliance, and the alert raised
 * when one is found: an ERROR log line (the case id, sequence and kind of break, no personal data), the gauge
 * {@value #BROKEN_CASES} of listed cases, and the counter {@value #REFUSED} of commands refused for a broken history.
 * A detection is recorded in a transaction of its own: the refused command's transaction rolls back.
 */
@Component
public class BrokenHistories {

    public static final String BROKEN_CASES = "complaints.integrity.broken.cases";
    public static final String REFUSED = "complaints.integrity.refused.commands";

    private static final Logger log = LoggerFactory.getLogger(BrokenHistories.class);

    /** A listed case: where its chain broke first, how, when and by what it was found. */
    public record BrokenCase(String caseId, long sequence, String kind, Instant detectedAt, String detectedBy) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Counter refused;

    public BrokenHistories(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
                           MeterRegistry registry) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.refused = Counter.builder(REFUSED)
                .description("Commands refused because their case's history does not verify")
                .register(registry);
        Gauge.builder(BROKEN_CASES, this, BrokenHistories::count)
                .description("Cases whose hash chain was found broken")
                .register(registry);
    }

    /** Lists the case, unless it is already; the first detection is logged as an error. */
    public void detected(String caseId, long sequence, String kind, String detectedBy) {
        Integer added = ownTransaction.execute(status -> jdbc.update("insert into integrity_broken_case"
                        + " (complaint_id, detected_at, break_sequence, break_kind, detected_by) values (?, ?, ?, ?, ?)"
                        + " on conflict (complaint_id) do nothing",
                caseId, Timestamp.from(clock.instant()), sequence, kind, detectedBy));
        if (added != null && added > 0) {
            log.error("integrity alert: the history of case {} is broken at sequence {}: {} (found by {})",
                    caseId, sequence, kind, detectedBy);
        }
    }

    /** Counts a command refused for the case's broken history. */
    public void refusedCommand() {
        refused.increment();
    }

    public Optional<BrokenCase> find(String caseId) {
        return jdbc.query("select complaint_id, break_sequence, break_kind, detected_at, detected_by"
                + " from integrity_broken_case where complaint_id = ?", (row, n) -> brokenCase(row), caseId)
                .stream().findFirst();
    }

    /** Every listed case, the latest found first. */
    public List<BrokenCase> list() {
        return jdbc.query("select complaint_id, break_sequence, break_kind, detected_at, detected_by"
                + " from integrity_broken_case order by detected_at desc, complaint_id", (row, n) -> brokenCase(row));
    }

    private double count() {
        Long count = jdbc.queryForObject("select count(*) from integrity_broken_case", Long.class);
        return count == null ? 0 : count;
    }

    private static BrokenCase brokenCase(ResultSet row) throws SQLException {
        return new BrokenCase(row.getString(1), row.getLong(2), row.getString(3),
                row.getTimestamp(4).toInstant(), row.getString(5));
    }
}
