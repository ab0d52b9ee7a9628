package com.complaintcase.bench.suite;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** results.md: the suite's figures and their baselines as Markdown tables. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append(String.format(Locale.ROOT, "Size `%s`, started %s, %s s in all. Machine: %s, %s cores, %s, %s.%n%n",
                results.get("sizeName"), results.get("startedAt"), results.get("suiteSeconds"), machine.get("cpu"),
                machine.get("cores"), machine.get("memory"), machine.get("java")));

        md.append("## Data\n\n| load | cases | through commands | events copied in bulk | load ms | projections caught up ms later | events in store | load avg |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, Object> load = (Map<String, Object>) results.get("dataLoad");
        md.append(row("demo data, bulk", load.get("cases"), load.get("throughCommands"), load.get("eventsCopiedInBulk"),
                load.get("loadMillis"), load.get("projectionsCaughtUpMillisAfterLoad"), load.get("eventsInStore"),
                load.get("loadAverage")));
        Map<String, Object> scale = (Map<String, Object>) results.get("readModelScale");
        if (scale != null) {
            md.append(String.format(Locale.ROOT, "%nFor the second query measurement the read model was grown on a copy of the "
                            + "store: the cases slice's rows of %s cases copied with new ids to **%s cases** (%s deadline rows) "
                            + "in %s s; the event store not scaled.%n",
                    scale.get("casesWithEvents"), scale.get("cases"), scale.get("deadlineRows"), scale.get("seconds")));
        }

        Map<String, Object> commands = (Map<String, Object>) results.get("commands");
        Map<String, Object> raw = (Map<String, Object>) commands.get("baselineRawInsert");
        md.append("\n## Command throughput and latency (registrations over HTTP)\n\n")
                .append("| clients | registrations/s | events/s | fraction of raw insert rate | p50 ms | p90 ms | p99 ms | max ms | errors | load avg |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> level : (List<Map<String, Object>>) commands.get("levels")) {
            md.append(row(level.get("clients"), level.get("perSecond"), level.get("eventsPerSecond"),
                    level.get("fractionOfRawInsertRate"), level.get("p50Ms"), level.get("p90Ms"), level.get("p99Ms"),
                    level.get("maxMs"), level.get("errors"), level.get("loadAverage")));
        }
        Map<String, Object> peer = (Map<String, Object>) results.get("peer");
        if (peer != null && peer.get("levels") != null) {
            md.append("\n### The plain-Axon peer (same clients, same store)\n\n")
                    .append("| clients | registrations/s | ours as a share of the peer's | p50 ms | p90 ms | p99 ms | max ms | errors | load avg |\n|---|---|---|---|---|---|---|---|---|\n");
            List<Map<String, Object>> ours = (List<Map<String, Object>>) commands.get("levels");
            List<Map<String, Object>> theirs = (List<Map<String, Object>>) peer.get("levels");
            for (int i = 0; i < theirs.size(); i++) {
                Map<String, Object> level = theirs.get(i);
                md.append(row(level.get("clients"), level.get("perSecond"), ours.get(i).get("ratioToPlainAxonPeer"),
                        level.get("p50Ms"), level.get("p90Ms"), level.get("p99Ms"), level.get("maxMs"),
                        level.get("errors"), level.get("loadAverage")));
            }
            md.append("\n").append(peer.get("what")).append(".\n");
        }
        md.append("\n### What one registration asks of the database (16 clients)\n\n")
                .append("| application | statements per registration | commits per registration | registrations counted |\n|---|---|---|---|\n");
        for (Map<String, Object> level : (List<Map<String, Object>>) commands.get("levels")) {
            if (level.get("database") instanceof Map<?, ?> database) {
                md.append(row("this app (clients: " + level.get("clients") + ")", database.get("statementsPerRegistration"),
                        database.get("commitsPerRegistration"), database.get("registrations")));
            }
        }
        if (peer != null && peer.get("levels") != null) {
            for (Map<String, Object> level : (List<Map<String, Object>>) peer.get("levels")) {
                if (level.get("database") instanceof Map<?, ?> database) {
                    md.append(row("plain-Axon peer (clients: " + level.get("clients") + ")",
                            database.get("statementsPerRegistration"), database.get("commitsPerRegistration"),
                            database.get("registrations")));
                }
            }
        }
        for (Map<String, Object> level : (List<Map<String, Object>>) commands.get("levels")) {
            if (level.get("database") instanceof Map<?, ?> database && Integer.valueOf(16).equals(level.get("clients"))) {
                md.append("\nThe app's statements at 16 clients, per registration:\n\n| per registration | statement |\n|---|---|\n");
                for (Map<String, Object> statement : (List<Map<String, Object>>) database.get("statements")) {
                    md.append(row(statement.get("perRegistration"),
                            "`" + String.valueOf(statement.get("statement")).replace("|", "\\|") + "`"));
                }
            }
        }
        md.append(String.format(Locale.ROOT, "%nBaseline (storage limit): plain batched JDBC, %s rows of %s bytes on average into "
                        + "`domain_event_entry` of the same PostgreSQL database (durable commits), batches of %s: **%s rows/s** (load avg %s).%n",
                raw.get("rows"), raw.get("averageRowBytes"), raw.get("batchSize"), raw.get("rowsPerSecond"), raw.get("loadAverage")));

        Map<String, Object> lag = (Map<String, Object>) results.get("projectionLag");
        md.append(String.format(Locale.ROOT, "%n## Projection lag%n%nOpen-cases view behind a steady %s registrations/s: "
                        + "p50 %s ms, p90 %s ms, p99 %s ms, max %s ms (%s probes, load avg %s).%n",
                lag.get("steadyRegistrationsPerSecond"), lag.get("p50Ms"), lag.get("p90Ms"), lag.get("p99Ms"),
                lag.get("maxMs"), lag.get("samples"), lag.get("loadAverage")));

        Map<String, Object> rebuild = (Map<String, Object>) results.get("rebuild");
        Map<String, Object> baseline = (Map<String, Object>) rebuild.get("baseline");
        md.append("\n## Projection rebuild (cases)\n\n| settings | events processed | of | seconds | events/s | load avg |\n|---|---|---|---|---|---|\n");
        md.append(row(rebuild.get("settings"), rebuild.get("eventsProcessed"), rebuild.get("eventsInStore"),
                rebuild.get("seconds"), rebuild.get("eventsPerSecond"), rebuild.get("loadAverage")));
        md.append(row(baseline.get("settings") + " (fixed window)", baseline.get("eventsProcessed"),
                baseline.get("eventsInStore"), baseline.get("seconds"), baseline.get("eventsPerSecond"), baseline.get("loadAverage")));
        md.append(String.format(Locale.ROOT, "%nSpeed-up: **%sx** over the whole rebuild; %sx comparing the same first %s s "
                        + "(%s events/s).%n", rebuild.get("speedUp"), rebuild.get("speedUpOverTheSameFirstSeconds"),
                ((Map<String, Object>) results.get("size")).get("baselineSeconds"), rebuild.get("eventsPerSecondInFirstBaselineWindow")));

        Map<String, Object> statistics = (Map<String, Object>) results.get("rebuildStatistics");
        if (statistics != null) {
            md.append("\n## Projection rebuild (statistics)\n\n| settings | events processed | of | seconds | events/s | load avg |\n|---|---|---|---|---|---|\n");
            md.append(row(statistics.get("settings"), statistics.get("eventsProcessed"), statistics.get("eventsInStore"),
                    statistics.get("seconds"), statistics.get("eventsPerSecond"), statistics.get("loadAverage")));
        }

        md.append("\n## Query latency (1 client)\n\n| store | query | example | p50 ms | p90 ms | p99 ms | max ms | samples | load avg |\n|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Object> queries = (Map<String, Object>) results.get("queries");
        for (Map.Entry<String, Object> store : queries.entrySet()) {
            Map<String, Object> measured = (Map<String, Object>) store.getValue();
            String label = store.getKey() + " (" + measured.get("openCases") + " open, " + measured.get("overdueCases") + " overdue)";
            for (Map.Entry<String, Object> query : measured.entrySet()) {
                if (query.getValue() instanceof Map<?, ?> figures && figures.containsKey("millis")) {
                    // a return: a few requests one after the other, each timed (the target is on each)
                    md.append(row(label, query.getKey(), "`" + figures.get("example") + "`", "each request: "
                            + figures.get("millis") + " ms", "", "best " + figures.get("bestMs"), "target "
                            + figures.get("targetMs"), "", ""));
                } else if (query.getValue() instanceof Map<?, ?> figures) {
                    md.append(row(label, query.getKey(), "`" + figures.get("example") + "`", figures.get("p50Ms"),
                            figures.get("p90Ms"), figures.get("p99Ms"), figures.get("maxMs"), figures.get("samples"),
                            figures.get("loadAverage")));
                }
            }
        }

        Map<String, Object> memory = (Map<String, Object>) results.get("memory");
        md.append(String.format(Locale.ROOT, "%n## Memory%n%nWith %s events (%s cases), -Xmx%s: heap used %s MiB after the load, "
                        + "peak %s MiB during the rebuild; process peak resident (VmHWM) %s MiB; the database server's peak (Pss of "
                        + "its processes) %s MiB.%n",
                memory.get("events"), memory.get("cases"), memory.get("heapMax"), memory.get("heapUsedAfterLoadMiB"),
                memory.get("heapUsedPeakDuringRebuildMiB"), memory.get("processPeakResidentMiB"),
                memory.get("databaseServerPeakMiB")));
        md.append("\n![latency against load](latency-vs-load.png)\n");
        return md.toString();
    }

    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        return row.append('\n').toString();
    }
}
