package com.complaintcase.platform.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key store: table {@code customer_data_keys}, one row per data subject (a customer, a case) with its key
 * wrapped under the {@link MasterKey}. Both sides read it, the command side also writes it: a key is made in the
 * transaction of the first event that needs it (on PostgreSQL; elsewhere on a connection of its own, committed at
 * once), and destroyed in the transaction that records the erasure.
 * Keys are kept in memory once their transaction committed; {@link #destroy} forgets them when its transaction
 * commits, and {@link #forget} lets another process forget them when it learns of an erasure.
 */
public final class JdbcDataKeys implements DataKeys {

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final MasterKey masterKey;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, DataKey> bySubject = new ConcurrentHashMap<>();
    /** Keys by id, and ids known to be destroyed (ids are random, so a destroyed one never comes back). */
    private final Map<String, Optional<DataKey>> byId = new ConcurrentHashMap<>();
    /** PostgreSQL: a new key is inserted in the transaction that needs it ({@code on conflict do nothing}). */
    private final boolean inTransaction;

    public JdbcDataKeys(DataSource dataSource, MasterKey masterKey, SecureRandom random, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
        this.masterKey = masterKey;
        this.random = random;
        this.clock = clock;
        this.inTransaction = ensureTable(dataSource);
    }

    @Override
    public DataKey keyFor(String subject) {
        DataKey known = bySubject.get(subject);
        if (known != null) {
            return known;
        }
        if (inTransaction && TransactionSynchronizationManager.isSynchronizationActive()) {
            return madeInThisTransaction().computeIfAbsent(subject, this::createInTransaction);
        }
        DataKey key = stored(subject).orElseGet(() -> create(subject));
        bySubject.put(subject, key);
        byId.put(key.id(), Optional.of(key));
        return key;
    }

    /** A key read here also serves its subject's {@link #keyFor} (a projection encrypts what it decrypted again). */
    @Override
    public Optional<DataKey> byId(String keyId) {
        return byId.computeIfAbsent(keyId, id -> {
            Optional<DataKey> key = jdbc.query(
                            "select key_id, subject, wrapped_key from customer_data_keys where key_id = ?",
                            (row, n) -> unwrap(row.getString(1), row.getString(2), row.getString(3)), id)
                    .stream().findFirst();
            key.ifPresent(found -> bySubject.putIfAbsent(found.subject(), found));
            return key;
        });
    }

    /**
     * Deletes the keys of {@code subjects} in the current transaction; they are forgotten here once it commits
     * (at once, without one). Answers how many keys there were.
     */
    public int destroy(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", subjects.stream().map(s -> "?").toList());
        int deleted = jdbc.update("delete from customer_data_keys where subject in (" + marks + ")", subjects.toArray());
        afterCommit(() -> forget(subjects));
        return deleted;
    }

    /**
     * Runs {@code action} once the current transaction commits, at once without one: what is kept in memory
     * never runs ahead of the table (a key made in a transaction that rolls back is not remembered).
     */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Drops what is kept in memory of the keys of {@code subjects}, so that the next read asks the table. */
    public void forget(Collection<String> subjects) {
        subjects.forEach(bySubject::remove);
        byId.values().removeIf(key -> key.isPresent() && subjects.contains(key.get().subject()));
    }

    private Optional<DataKey> stored(String subject) {
        return jdbc.query("select key_id, subject, wrapped_key from customer_data_keys where subject = ?",
                (row, n) -> unwrap(row.getString(1), row.getString(2), row.getString(3)), subject).stream().findFirst();
    }

    /**
     * The keys this transaction made or read, kept until it ends: remembered for all once it committed, forgotten if
     * it rolled back (the rows are gone with it).
     */
    @SuppressWarnings("unchecked")
    private Map<String, DataKey> madeInThisTransaction() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, DataKey>) bound;
        }
        Map<String, DataKey> made = new java.util.HashMap<>();
        TransactionSynchronizationManager.bindResource(this, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                made.values().forEach(key -> {
                    bySubject.put(key.subject(), key);
                    byId.put(key.id(), Optional.of(key));
                });
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcDataKeys.this);
            }
        });
        return made;
    }

    /**
     * Makes the subject's key in the current transaction, one statement: two transactions needing the same new key
     * (two first complaints of one customer at the same moment) never both make one, since PostgreSQL lets the later
     * insert wait for the earlier transaction; if that one commits, the later inserts nothing and reads its key, if
     * it rolls back, the later's key is the one. A key whose command fails is rolled back with it.
     */
    private DataKey createInTransaction(String subject) {
        Fresh key = fresh();
        int inserted = jdbc.update("insert into customer_data_keys (key_id, subject, wrapped_key, created_at) "
                        + "values (?, ?, ?, ?) on conflict (subject) do nothing", key.id(), subject,
                ENCODER.encodeToString(masterKey.wrap(key.secret(), key.id(), subject)), Timestamp.from(clock.instant()));
        if (inserted == 1) {
            return new DataKey(key.id(), subject, key.secret());
        }
        return stored(subject).orElseThrow(() -> new IllegalStateException(
                "the key of " + subject + " was made by another transaction and is gone"));
    }

    /** A new key's random id and secret. */
    private record Fresh(String id, byte[] secret) {
    }

    private Fresh fresh() {
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new Fresh(Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes), secret);
    }

    /**
     * Makes the subject's key on a connection of its own, committed at once, so that two transactions needing the
     * same new key (two first complaints of one customer at the same moment) never collide: the later one reads the
     * key the first made. A key whose command then fails stays unused; it guards no data.
     */
    private DataKey create(String subject) {
        Fresh made = fresh();
        String keyId = made.id();
        byte[] secret = made.secret();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into customer_data_keys (key_id, subject, wrapped_key, created_at) values (?, ?, ?, ?)")) {
                insert.setString(1, keyId);
                insert.setString(2, subject);
                insert.setString(3, ENCODER.encodeToString(masterKey.wrap(secret, keyId, subject)));
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                return new DataKey(keyId, subject, secret);
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select key_id, subject, wrapped_key from customer_data_keys where subject = ?")) {
                select.setString(1, subject);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the key of " + subject + " was made by another transaction and is gone");
                    }
                    return unwrap(row.getString(1), row.getString(2), row.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the key of " + subject, e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState());
    }

    private DataKey unwrap(String keyId, String subject, String wrapped) {
        return new DataKey(keyId, subject, masterKey.unwrap(DECODER.decode(wrapped), keyId, subject));
    }

    /** Answers whether the database is PostgreSQL (keys made in the transaction that needs them). */
    private static boolean ensureTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists customer_data_keys ("
                    + " key_id varchar(32) not null primary key,"
                    + " subject varchar(120) not null,"
                    + " wrapped_key varchar(200) not null,"
                    + " created_at timestamp with time zone not null,"
                    + " constraint uk_customer_data_keys_subject unique (subject))");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the key store table customer_data_keys", e);
        }
    }
}
