package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console overview's first render (counts and charts, from the navigation's start, by the Navigation Timing API)
 * with a large store: {@code -Dconsole.bench.cases=100000} loads so many demo cases in bulk first (minutes); skipped
 * without it, so that the normal build stays fast. {@code -Dconsole.bench.data-dir=DIR} keeps the store in DIR (a data
 * directory of the standalone app), so that a second run only tops it up to N cases. The figures are in
 * docs/benchmarks.md.
 */
class ConsoleOverviewBenchmarkTest {

    private static final int RENDERS = 5;

    @TempDir
    static Path dataDir;

    @Test
    void the_overview_renders_in_under_a_second_with_a_large_store() {
        String cases = System.getProperty("console.bench.cases", "");
        Assumptions.assumeFalse(cases.isBlank(), "Console benchmark SKIPPED: set -Dconsole.bench.cases=<N> to load N demo "
                + "cases and measure the overview's first render");
        Browser.assumeInstalled();
        String reused = System.getProperty("console.bench.data-dir", "");
        Path store = reused.isBlank() ? dataDir : Path.of(reused);
        try (RunningApplication app = RunningApplication.start(store, "--demo-data=" + cases, "--demo-data-mode=bulk")) {
            Api api = app.api();
            awaitProjectionsAtHead(api);
            long open = api.as("compliance1").get("/api/cases/open?size=1").json().path("totalElements").asLong();
            try (Browser browser = Browser.open(api.base())) {
                browser.signIn("compliance1", Api.DEMO_PASSWORD);
                List<Browser.Render> renders = new ArrayList<>();
                for (int i = 0; i < RENDERS; i++) {
                    renders.add(browser.overviewRender());
                }
                double first = median(renders.stream().map(Browser.Render::firstMillis).toList());
                double complete = median(renders.stream().map(Browser.Render::completeMillis).toList());
                System.out.printf("console overview with %s cases (%d open): %s; median first render %.0f ms, every chart "
                        + "drawn %.0f ms%n", cases, open, renders, first, complete);
                assertThat(first).as("median first render of the overview, ms").isLessThan(1000);
            }
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void awaitProjectionsAtHead(Api api) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode projections = api.as("supervisor1").get("/api/admin/projections").json();
            boolean atHead = true;
            for (JsonNode projection : projections) {
                atHead &= projection.path("processed").asLong() >= projection.path("total").asLong();
            }
            if (atHead) {
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the projections did not reach the head of the store in 30 minutes");
    }
}
