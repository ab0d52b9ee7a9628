package com.complaintcase.standalone.demo;

import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Workload;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --demo-data=N [--demo-seed=42] [--demo-data-mode=commands|bulk] [--demo-templates=500]}: loads N cases of
 * the {@link Workload} on start. {@code commands} (the default) takes every case through its life by the real
 * command path, and only into an empty store. {@code bulk} does so for the first 500 (templates) cases and adds the rest as
 * {@link BulkCopies copies} of them through the event store; into a store that already holds cases it adds copies
 * until there are N. Without the option nothing happens.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** A progress line at least this often (and at every tenth of the cases). */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final int cases;
    private final long seed;
    private final boolean bulk;
    private final int templates;
    private final CaseLives lives;
    private final BulkCopies copies;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoData(@Value("${demo-data:0}") int cases, @Value("${demo-seed:42}") long seed,
             @Value("${demo-data-mode:commands}") String mode, @Value("${demo-templates:500}") int templates,
             CommandGateway commands, EventStore eventStore,
             TransactionManager transactions, JdbcTemplate jdbc, Clock clock) {
        if (!mode.equals("commands") && !mode.equals("bulk")) {
            throw new IllegalArgumentException("--demo-data-mode must be commands or bulk, not " + mode);
        }
        this.cases = cases;
        this.seed = seed;
        this.bulk = mode.equals("bulk");
        this.templates = templates;
        this.lives = new CaseLives(commands, eventStore, clock);
        this.copies = new BulkCopies(eventStore, transactions);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (cases <= 0) {
            return;
        }
        long started = System.nanoTime();
        int existing = existingCases();
        if (existing > 0 && !bulk) {
            log.warn("Demo data refused: the store already holds {} cases (start with an empty data directory)", existing);
            return;
        }
        int throughCommands = 0;
        if (existing == 0) {
            throughCommands = bulk ? Math.min(cases, templates) : cases;
            live(throughCommands);
        }
        long copied = 0;
        int total = Math.max(existing, throughCommands);
        if (bulk && total < cases) {
            List<String> templateIds = jdbc.queryForList("select aggregate_identifier from domain_event_entry"
                    + " where type = ? and sequence_number = 0 order by global_index limit ?", String.class,
                    BulkCopies.AGGREGATE_TYPE, templates);
            int templateCount = templateIds.size();
            LoadProgress progress = new LoadProgress("Demo data, bulk copies", cases - total, clock, PROGRESS_EVERY);
            copied = copies.copy(templateIds, seed, total - templateCount, cases - templateCount,
                    done -> progress.doneSoFar(done).ifPresent(log::info));
            total = cases;
        }
        log.info("Demo data ready: {} cases ({} through commands, {} events copied in bulk) in {} ms",
                total, throughCommands, copied, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private int existingCases() {
        Integer count = jdbc.queryForObject("select count(*) from domain_event_entry where type = ? and sequence_number = 0",
                Integer.class, BulkCopies.AGGREGATE_TYPE);
        return count == null ? 0 : count;
    }

    private void live(int count) throws Exception {
        Workload workload = new Workload(seed);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        AtomicInteger refused = new AtomicInteger();
        LoadProgress progress = new LoadProgress("Demo data, through commands", count, clock, PROGRESS_EVERY);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                CaseScript script = workload.next();
                running.add(workers.submit(() -> {
                    try {
                        lives.live(script);
                    } catch (RuntimeException refusal) {
                        if (refused.incrementAndGet() <= 5) {
                            log.warn("Demo case {} stopped: {}", script.index(), refusal.toString());
                        }
                    }
                    progress.oneDone().ifPresent(log::info);
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            workers.shutdown();
        }
        if (refused.get() > 0) {
            log.warn("Demo data: {} of {} cases stopped before the end of their life", refused.get(), count);
        }
    }
}
