package com.complaintcase.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite at its tiny size against the standalone jar built before this module: it runs through every phase and
 * writes its results and chart. No figure is asserted (CI's machine says nothing about the product's speed).
 */
class SuiteSmokeTest {

    private static final Path APP = Path.of("../standalone/target/complaint-case-standalone.jar");

    @Test
    void the_suite_writes_well_formed_results_and_a_chart_of_latency_against_load() throws Exception {
        assertThat(APP).as("the standalone jar, built by the reactor before bench").isRegularFile();
        Path out = Path.of("target/suite-smoke");

        new Suite(APP, Suite.Size.named("tiny"), out, 42).run();

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("commands").path("levels")).hasSize(3);
        assertThat(results.path("commands").path("levels").get(2).path("clients").asInt()).isEqualTo(64);
        assertThat(results.path("commands").path("baselineRawInsert").path("rowsPerSecond").isNumber()).isTrue();
        assertThat(results.path("peer").path("levels")).as("the plain-Axon peer's levels").hasSize(3);
        assertThat(results.path("commands").path("levels").get(1).path("ratioToPlainAxonPeer").isNumber()).isTrue();
        assertThat(results.path("commands").path("levels").get(1).path("database").path("statementsPerRegistration")
                .asDouble()).as("statements per registration").isPositive();
        assertThat(results.path("memory").path("databaseServerPeakMiB").asDouble()).isPositive();
        assertThat(results.path("rebuild").path("baseline").path("eventsPerSecond").isNumber()).isTrue();
        assertThat(results.path("queries").size()).isEqualTo(1);
        assertThat(results.path("memory").path("processPeakResidentMiB").isNumber()).isTrue();
        assertThat(Files.readString(out.resolve("results.md"))).contains("## Command throughput", "latency-vs-load.png");
        BufferedImage chart = ImageIO.read(out.resolve("latency-vs-load.png").toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isPositive();
        assertThat(out.resolve("data")).doesNotExist();
    }
}
