package com.complaintcase.platform.privacy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcDataKeysTest {

    private final SecureRandom random = new SecureRandom();
    private final MasterKey masterKey = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), random);

    @Test
    void processes_needing_the_same_new_key_at_the_same_moment_all_get_the_one_key() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-race;DB_CLOSE_DELAY=-1");
        int processes = 8;
        List<JdbcDataKeys> stores = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            stores.add(new JdbcDataKeys(dataSource, masterKey, random, Clock.systemUTC()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<DataKey>> keys = new ArrayList<>();
            for (JdbcDataKeys store : stores) {
                Callable<DataKey> firstUse = () -> {
                    start.await();
                    return store.keyFor("customer:C-race");
                };
                keys.add(pool.submit(firstUse));
            }
            start.countDown();
            Set<String> ids = keys.stream().map(JdbcDataKeysTest::get).map(DataKey::id).collect(Collectors.toSet());

            assertThat(ids).hasSize(1);
            assertThat(stores.get(0).byId(ids.iterator().next())).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_key_read_by_its_id_serves_its_subject_without_another_read_of_the_table() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-by-id;DB_CLOSE_DELAY=-1");
        DataKey made = new JdbcDataKeys(dataSource, masterKey, random, Clock.systemUTC()).keyFor("case:K-1");
        JdbcDataKeys reader = new JdbcDataKeys(dataSource, masterKey, random, Clock.systemUTC());
        assertThat(reader.byId(made.id())).isPresent();

        new JdbcTemplate(dataSource).update("delete from customer_data_keys where subject = 'case:K-1'");

        assertThat(reader.keyFor("case:K-1").id()).isEqualTo(made.id());
    }

    private static DataKey get(Future<DataKey> key) {
        try {
            return key.get();
        } catch (Exception e) {
            throw new AssertionError("a first use of the key failed", e);
        }
    }
}
