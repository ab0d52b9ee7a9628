package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsTally.Measure;
import jakarta.persistence.EntityManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additions to {@code statistics_tally} of the events a unit of work applies, written once when it commits (in
 * its transaction): the same rows added up once per batch, and written in one order by every worker, so that two
 * workers adding to the same day's rows wait for each other rather than deadlock.
 */
final class TallyDeltas {

    record Key(String grouping, Measure measure, LocalDate day, String groupKey, String figure) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::grouping).thenComparing(k -> k.measure().name())
            .thenComparing(Key::day).thenComparing(Key::groupKey).thenComparing(Key::figure);
    private static final String RESOURCE = TallyDeltas.class.getName();

    private static final String POSTGRESQL = "insert into statistics_tally (grouping_name, measure, tally_day, group_key,"
            + " figure, tally_count, amount) values (?, ?, ?, ?, ?, ?, ?) on conflict (grouping_name, measure, tally_day,"
            + " group_key, figure) do update set tally_count = statistics_tally.tally_count + excluded.tally_count,"
            + " amount = statistics_tally.amount + excluded.amount";
    private static final String STANDARD = "merge into statistics_tally t using (values (cast(? as varchar(16)),"
            + " cast(? as varchar(16)), cast(? as date), cast(? as varchar(40)), cast(? as varchar(60)), cast(? as bigint),"
            + " cast(? as numeric(19, 4)))) s (g, m, d, k, f, n, a) on t.grouping_name = s.g and t.measure = s.m"
            + " and t.tally_day = s.d and t.group_key = s.k and t.figure = s.f"
            + " when matched then update set tally_count = t.tally_count + s.n, amount = t.amount + s.a"
            + " when not matched then insert (grouping_name, measure, tally_day, group_key, figure, tally_count, amount)"
            + " values (s.g, s.m, s.d, s.k, s.f, s.n, s.a)";

    private final Map<Key, Object[]> deltas = new TreeMap<>(ORDER);

    private TallyDeltas() {
    }

    /** Adds to the unit of work's deltas (written when it commits), or at once outside one. */
    static void add(EntityManager entityManager, Key key, long count, BigDecimal amount) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            TallyDeltas deltas = root.getOrComputeResource(RESOURCE, name -> {
                TallyDeltas created = new TallyDeltas();
                root.onPrepareCommit(unitOfWork -> created.write(entityManager));
                return created;
            });
            deltas.merge(key, count, amount);
        } else {
            TallyDeltas deltas = new TallyDeltas();
            deltas.merge(key, count, amount);
            deltas.write(entityManager);
        }
    }

    private void merge(Key key, long count, BigDecimal amount) {
        Object[] delta = deltas.computeIfAbsent(key, k -> new Object[]{0L, BigDecimal.ZERO});
        delta[0] = (long) delta[0] + count;
        delta[1] = ((BigDecimal) delta[1]).add(amount);
    }

    private void write(EntityManager entityManager) {
        if (deltas.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(this::write);
        deltas.clear();
    }

    private void write(Connection connection) throws SQLException {
        boolean postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        try (PreparedStatement upsert = connection.prepareStatement(postgresql ? POSTGRESQL : STANDARD)) {
            for (Map.Entry<Key, Object[]> delta : deltas.entrySet()) {
                Key key = delta.getKey();
                upsert.setString(1, key.grouping());
                upsert.setString(2, key.measure().name());
                upsert.setObject(3, key.day());
                upsert.setString(4, key.groupKey());
                upsert.setString(5, key.figure());
                upsert.setLong(6, (long) delta.getValue()[0]);
                upsert.setBigDecimal(7, (BigDecimal) delta.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
