package com.complaintcase.bench.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test, short: two kills of the standalone jar (built before this module) under load, two restarts on
 * the same data. Nothing acknowledged may be lost, nothing may fail after a restart.
 */
class CrashTest {

    private static final Path APP = Path.of("../standalone/target/complaint-case-standalone.jar");

    @Test
    void every_registration_acknowledged_before_a_kill_is_in_the_store_after_the_restart() throws Exception {
        assertThat(APP).as("the standalone jar, built by the reactor before bench").isRegularFile();
        Path out = Path.of("target/crash-smoke");

        Crash.Result result = new Crash(new Crash.Settings(APP, out, 2, 4, 3, 20, 5, 7, "1g")).run();

        assertThat(result.cycles()).hasSize(2).allSatisfy(cycle -> {
            assertThat(cycle.acknowledged()).as("registrations acknowledged before the kill").isPositive();
            assertThat(cycle.lost()).isZero();
            assertThat(cycle.errorsUnderLoad()).isZero();
            assertThat(cycle.errorsAfterRestart()).isZero();
            assertThat(cycle.registeredAfterRestart()).isEqualTo(20);
            assertThat(cycle.chainsVerified()).isEqualTo(5);
            assertThat(cycle.serverLeftRunning()).as("the kill leaves the app's PostgreSQL server running").isTrue();
            assertThat(cycle.leftoverServerStopped()).as("the restart stops it").isTrue();
        });
        assertThat(result.passed()).isTrue();
        assertThat(result.acknowledged()).isEqualTo(result.cycles().get(1).acknowledgedSoFar() + 20);
        assertThat(Files.readString(out.resolve("crash.md"))).contains("| 2 |", "PASSED");
        assertThat(out.resolve("data")).doesNotExist();
    }
}
