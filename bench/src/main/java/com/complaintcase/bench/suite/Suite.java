package com.complaintcase.bench.suite;

import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Workload;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark suite: one command, a size, a results directory.
 *
 * <pre>
 * java -jar bench/target/bench-*.jar suite [--size tiny|small|full] [--out target/bench-results]
 *      [--app standalone/target/complaint-case-standalone.jar] [--seed 42]
 * </pre>
 *
 * It starts the standalone app as a child process on a fresh data directory three times (twice for
 * {@code tiny}): (1) loads the first size of demo data (bulk mode) and measures queries; (2) tops the data up to the
 * second size, measures queries again, registrations over HTTP at 1, 16 and 64 clients, the open-cases view's lag
 * under a steady load, rebuilds the cases projection with the app's settings and samples memory; (3) restarts
 * with Axon's default processor settings for the cases projection (tracking, one thread, one segment, batch
 * size 1) and rebuilds it again for a fixed time. Last, the storage limit: plain batched JDBC inserts of as many
 * event rows as the 16-client phase appended, into the same PostgreSQL database (the app stopped, its server
 * started with the same durability settings). Writes results.json, results.md
 * and latency-vs-load.png.
 */
public final class Suite {

    /**
     * How much data and how long each measurement runs: {@code cases} are loaded with their events; the queries are
     * measured again with the read model grown to {@code scaledCases} (none for {@code tiny}).
     */
    public record Size(String name, int cases, int scaledCases, int commandSeconds, int querySeconds,
                       int lagSeconds, int baselineSeconds, int rawInsertMinimumRows, int templates, String heap) {

        public static Size named(String name) {
            return switch (name) {
                case "tiny" -> new Size("tiny", 20, 0, 2, 1, 2, 2, 2_000, 20, "1g");
                case "small" -> new Size("small", 3_000, 0, 10, 4, 10, 15, 20_000, 200, "1g");
                case "full" -> new Size("full", 100_000, 1_000_000, 30, 10, 30, 60, 50_000, 500, "1g");
                default -> throw new IllegalArgumentException("size must be tiny, small or full, not " + name);
            };
        }
    }

    private static final int[] CLIENTS = {1, 16, 64};
    private static final Pattern DEMO_READY = Pattern.compile(
            "Demo data ready: (\\d+) cases \\((\\d+) through commands, (\\d+) events copied in bulk\\) in (\\d+) ms");

    private final Path jar;
    private Path peerJar;
    private final Size size;
    private final Path out;
    private final long seed;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<LatencyChart.Point> chart = new ArrayList<>();
    private Progress progress = new Progress(System.out, 0, Duration.ZERO, System::nanoTime);

    public Suite(Path jar, Size size, Path out, long seed) {
        this.jar = jar;
        this.peerJar = jar.resolveSibling("../../bench-peer/target/complaint-case-bench-peer.jar").normalize();
        this.size = size;
        this.out = out;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(option(args, "--app", "standalone/target/complaint-case-standalone.jar"));
        Size size = Size.named(option(args, "--size", "small"));
        Path out = Path.of(option(args, "--out", "target/bench-results"));
        long seed = Long.parseLong(option(args, "--seed", "42"));
        Path peer = Path.of(option(args, "--peer", "bench-peer/target/complaint-case-bench-peer.jar"));
        if (List.of(args).contains("--queries-only")) {
            new Suite(jar, size, out, seed).queriesOnly(Path.of(option(args, "--data", "")));
            System.out.println("results: " + out.resolve("results.json").toAbsolutePath());
            return;
        }
        new Suite(jar, size, out, seed).withPeer(peer).run();
        System.out.println("results: " + out.resolve("results.md").toAbsolutePath());
    }

    /** The plain-Axon peer's jar ({@code bench-peer}); without one the peer's phases are left out. */
    public Suite withPeer(Path peerJar) {
        this.peerJar = peerJar;
        return this;
    }

    /** Runs every phase; when one fails, what was measured until then is still written to results.json. */
    public Map<String, Object> run() throws Exception {
        // start, load, queries, 3 command levels, lag, rebuild, default settings' start and rebuild, raw insert; 2 more for the grown read model
        int phases = 11 + (size.scaledCases() > size.cases() ? 2 : 0) + (Files.isRegularFile(peerJar) ? 1 + CLIENTS.length : 0);
        try (Progress shown = new Progress(System.out, phases, Duration.ofSeconds(5), System::nanoTime)) {
            progress = shown;
            return measure();
        } catch (Exception | Error failed) {
            results.put("failed", failed.toString());
            Files.createDirectories(out);
            Files.writeString(out.resolve("results.json"), Json.write(results));
            throw failed;
        }
    }

    private Map<String, Object> measure() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no app jar at " + jar + " (build it: ./mvnw -B -q install -DskipTests)");
        }
        Path data = out.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(out);
        StatementCounts.enable(data);
        long started = System.nanoTime();
        results.put("sizeName", size.name());
        Map<String, Object> sizeFigures = new LinkedHashMap<>();
        sizeFigures.put("cases", size.cases());
        sizeFigures.put("scaledCases", size.scaledCases());
        sizeFigures.put("commandSeconds", size.commandSeconds());
        sizeFigures.put("querySeconds", size.querySeconds());
        sizeFigures.put("lagSeconds", size.lagSeconds());
        sizeFigures.put("baselineSeconds", size.baselineSeconds());
        sizeFigures.put("rawInsertMinimumRows", size.rawInsertMinimumRows());
        sizeFigures.put("templates", size.templates());
        sizeFigures.put("heap", size.heap());
        results.put("size", sizeFigures);
        results.put("machine", Machine.describe());
        results.put("startedAt", Instant.now().toString());
        Map<String, Object> queries = new LinkedHashMap<>();
        results.put("queries", queries);

        long eventsOf16Clients;
        List<String> demo = List.of("--demo-data-mode=bulk", "--demo-seed=" + seed,
                "--demo-templates=" + size.templates(), "--demo-data=" + size.cases());
        progress.phase("starting the app (" + jar.getFileName() + ", -Xmx" + size.heap() + ")", 0, "", null);
        try (ChildApp app = ChildApp.start(jar, data, size.heap(), out.resolve("logs/1-load.log"), demo);
             ServerMemory database = new ServerMemory(data)) {
            Api api = new Api(app.url());
            Map<String, Object> load = awaitDemoData(app, api);
            results.put("dataLoad", load);
            queries.put(load.get("cases") + " cases", measureQueries(api, load.get("cases")));
            eventsOf16Clients = commandsLagRebuildAndMemory(app, api, load);
            @SuppressWarnings("unchecked")
            Map<String, Object> memory = (Map<String, Object>) results.get("memory");
            memory.put("databaseServerPeakMiB", database.peakMiB());
        }
        measurePeer(data);
        if (size.scaledCases() > size.cases()) {
            Path scaled = out.resolve("scaled-data");
            progress.phase("read model grown to " + size.scaledCases() + " cases (a copy of the store)", 0, "", null);
            Map<String, Object> scale = ReadModelScale.scale(data, scaled, size.scaledCases());
            results.put("readModelScale", scale);
            try (ChildApp app = ChildApp.start(jar, scaled, size.heap(), out.resolve("logs/2-scaled-read-model.log"),
                    List.of())) {
                Api api = new Api(app.url());
                awaitProjections(api);
                queries.put(scale.get("cases") + " cases", measureQueries(api, scale.get("cases")));
            } finally {
                deleteRecursively(scaled);
            }
        }
        progress.phase("the app with Axon's default processor settings", 0, "", null);
        DefaultProcessorTokens.forget(data, "cases");
        try (ChildApp app = ChildApp.start(jar, data, size.heap(), out.resolve("logs/3-default-processor.log"),
                List.of("--axon.eventhandling.processors.cases.mode=tracking",
                        "--axon.eventhandling.processors.cases.batch-size=1",
                        "--axon.eventhandling.processors.cases.thread-count=1",
                        "--axon.eventhandling.processors.cases.initial-segment-count=1"))) {
            Api api = new Api(app.url());
            Map<String, Object> baseline = rebuild(app, api, Duration.ofSeconds(size.baselineSeconds()));
            baseline.put("settings", "tracking, 1 thread, 1 segment, batch size 1 (Axon's defaults)");
            @SuppressWarnings("unchecked")
            Map<String, Object> rebuild = (Map<String, Object>) results.get("rebuild");
            rebuild.put("baseline", baseline);
            double ours = (double) rebuild.get("eventsPerSecond");
            double theirs = (double) baseline.get("eventsPerSecond");
            rebuild.put("speedUp", Latencies.round(ours / theirs));
            rebuild.put("speedUpOverTheSameFirstSeconds",
                    Latencies.round((double) rebuild.get("eventsPerSecondInFirstBaselineWindow") / theirs));
        }
        progress.phase("raw batched insert into the same store (the storage limit)",
                Math.max(size.rawInsertMinimumRows(), eventsOf16Clients), "rows", null);
        Map<String, Object> raw = RawInsertBaseline.measure(data, Math.max(size.rawInsertMinimumRows(), eventsOf16Clients));
        raw.put("loadAverage", Machine.loadAverage());
        @SuppressWarnings("unchecked")
        Map<String, Object> commands = (Map<String, Object>) results.get("commands");
        commands.put("baselineRawInsert", raw);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) commands.get("levels");
        for (Map<String, Object> level : levels) {
            level.put("fractionOfRawInsertRate",
                    Math.round((double) level.get("eventsPerSecond") / (double) raw.get("rowsPerSecond") * 10_000) / 10_000d);
        }
        results.put("suiteSeconds", Latencies.round((System.nanoTime() - started) / 1e9));
        Files.writeString(out.resolve("results.json"), Json.write(results));
        Files.writeString(out.resolve("results.md"), Report.markdown(results));
        LatencyChart.write(out.resolve("latency-vs-load.png"),
                "Registration latency against load (standalone, embedded PostgreSQL, " + size.name() + " size)", chart);
        deleteRecursively(data);
        return results;
    }

    /**
     * The query phase alone, on the data directory of a stopped app (e.g. one grown by {@link ReadModelScale}):
     * starts the app on it, waits for the projections, measures the queries, writes results.json.
     */
    public Map<String, Object> queriesOnly(Path data) throws Exception {
        if (!Files.isRegularFile(data.resolve("postgres/PG_VERSION"))) {
            throw new IllegalArgumentException("no PostgreSQL store at " + data.resolve("postgres"));
        }
        Files.createDirectories(out);
        results.put("sizeName", size.name());
        results.put("machine", Machine.describe());
        results.put("startedAt", Instant.now().toString());
        results.put("data", data.toAbsolutePath().toString());
        Map<String, Object> queries = new LinkedHashMap<>();
        results.put("queries", queries);
        long cases = ReadModelScale.cases(data);
        try (ChildApp app = ChildApp.start(jar, data, size.heap(), out.resolve("logs/queries-only.log"), List.of())) {
            Api api = new Api(app.url());
            awaitProjections(api);
            queries.put(cases + " cases", measureQueries(api, cases));
        }
        Files.writeString(out.resolve("results.json"), Json.write(results));
        return results;
    }

    private Map<String, Object> awaitDemoData(ChildApp app, Api api) throws Exception {
        progress.phase("demo data (bulk) and projections", size.cases(), "cases", null);
        progress.detail(() -> app.lastLogLine("Demo data"));
        String line = app.awaitLog("(" + DEMO_READY.pattern() + ")", Duration.ofMinutes(40));
        progress.done(size.cases());
        progress.detail(() -> "waiting for the projections to reach the head of the store");
        Matcher ready = DEMO_READY.matcher(line);
        if (!ready.find()) {
            throw new IllegalStateException("unexpected demo data line: " + line);
        }
        long caughtUpAfter = awaitProjections(api);
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("cases", Integer.parseInt(ready.group(1)));
        load.put("throughCommands", Integer.parseInt(ready.group(2)));
        load.put("eventsCopiedInBulk", Long.parseLong(ready.group(3)));
        load.put("loadMillis", Long.parseLong(ready.group(4)));
        load.put("projectionsCaughtUpMillisAfterLoad", caughtUpAfter);
        load.put("eventsInStore", api.headPosition());
        load.put("loadAverage", Machine.loadAverage());
        return load;
    }

    /** Waits until every projection has reached the head of the store; answers how long that took. */
    private static long awaitProjections(Api api) throws Exception {
        long started = System.nanoTime();
        while (true) {
            JsonNode all = Json.read(api.read("/api/admin/projections", "compliance1"));
            boolean caughtUp = true;
            for (JsonNode projection : all) {
                caughtUp &= projection.path("processed").asLong() >= projection.path("total").asLong();
            }
            if (caughtUp) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            ChildApp.sleep(500);
        }
    }

    private Map<String, Object> measureQueries(Api api, Object cases) throws Exception {
        List<String> ids = Json.read(api.read("/api/cases/open?size=200", "supervisor1")).findValuesAsText("complaintId");
        List<String> withEvents = ids.stream().filter(id -> !ReadModelScale.isCopy(id)).toList();
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("cases", cases);
        measured.put("openCases", Json.read(api.read("/api/cases/open?size=1", "analyst1")).findPath("totalElements").asLong());
        measured.put("overdueCases", Json.read(api.read("/api/cases/overdue?size=1", "analyst1")).findPath("totalElements").asLong());
        progress.timed("queries at " + cases + " cases", Duration.ofSeconds(5L * size.querySeconds() * 2), "queries");
        Map<String, QueryKind> kinds = new LinkedHashMap<>();
        kinds.put("openInBranch", new QueryKind(i -> "/api/cases/open?branchCode=BR-0007", "analyst1"));
        kinds.put("open", new QueryKind(i -> "/api/cases/open", "analyst1"));
        kinds.put("overdue", new QueryKind(i -> "/api/cases/overdue", "analyst1"));
        kinds.put("caseView", new QueryKind(i -> "/api/cases/" + ids.get(i % ids.size()), "supervisor1"));
        kinds.put("history", new QueryKind(i -> "/api/cases/" + withEvents.get(i % withEvents.size()) + "/history",
                "compliance1"));
        // the bank's own statistics: a day of the last quarter's, the default periods of the metrics
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        kinds.put("dailyStatistics", new QueryKind(i -> "/api/statistics/daily?date=" + today.minusDays(1 + i % 90),
                "analyst1"));
        kinds.put("onTime", new QueryKind(i -> "/api/metrics/on-time", "analyst1"));
        kinds.put("overdueAge", new QueryKind(i -> "/api/metrics/overdue-age?groupBy=branchCode", "analyst1"));
        kinds.put("rates", new QueryKind(i -> "/api/metrics/rates", "analyst1"));
        kinds.put("compensation", new QueryKind(i -> "/api/metrics/compensation", "analyst1"));
        kinds.put("trend", new QueryKind(i -> "/api/metrics/trend", "analyst1"));
        kinds.put("hotSpots", new QueryKind(i -> "/api/metrics/hot-spots?period=week", "analyst1"));
        // every kind is asked once in a round before any is measured: the code paths they share are compiled
        // by then, whichever comes first
        for (QueryKind kind : kinds.values()) {
            long end = System.nanoTime() + Duration.ofSeconds(size.querySeconds() / 2).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                api.get(kind.path().apply(i), kind.user());
                progress.count();
            }
        }
        for (Map.Entry<String, QueryKind> kind : kinds.entrySet()) {
            measured.put(kind.getKey(), query(api, kind.getValue().path(), kind.getValue().user()));
        }
        measured.put("fcaReturn", fcaReturn(api));
        return measured;
    }

    /**
     * The FCA return (DISP 1) over the last 366 days, computed from every event in the store (target: under 10 s at
     * 100,000 cases): three requests one after the other, each timed.
     */
    private Map<String, Object> fcaReturn(Api api) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String path = "/api/returns/fca-disp1?from=" + today.minusDays(365) + "&to=" + today;
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = api.get(path, "compliance1");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            millis.add((System.nanoTime() - sent) / 1_000_000);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", path);
        summary.put("millis", millis);
        summary.put("bestMs", millis.stream().mapToLong(Long::longValue).min().orElse(0));
        summary.put("targetMs", 10_000);
        return summary;
    }

    /** One kind of query: the path of its i-th request, and who asks. */
    private record QueryKind(IntFunction<String> path, String user) {
    }

    private Map<String, Object> query(Api api, IntFunction<String> path, String user) throws Exception {
        double load = Machine.loadAverage();
        Latencies latencies = new Latencies();
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(size.querySeconds() / 2).toNanos();
        long end = warmUpEnd + Duration.ofSeconds(size.querySeconds()).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = api.get(path.apply(i), user);
            long took = System.nanoTime() - sent;
            progress.count();
            if (response.statusCode() != 200) {
                // a latency of refusals is not the query's: the measurement stops
                throw new IllegalStateException("GET " + path.apply(i) + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            if (sent > warmUpEnd) {
                latencies.add(took);
            }
        }
        Map<String, Object> summary = latencies.summary();
        summary.put("example", path.apply(0));
        summary.put("clients", 1);
        summary.put("loadAverage", load);
        return summary;
    }

    /** Registrations over HTTP at each load level; answers the events the 16-client level appended. */
    private long measureCommands(Api api, String jdbcUrl) throws Exception {
        List<Map<String, Object>> levels = new ArrayList<>();
        long eventsOf16 = 0;
        for (int clients : CLIENTS) {
            progress.timed("registrations, " + clients + (clients == 1 ? " client" : " clients"),
                    Duration.ofSeconds(size.commandSeconds() + size.commandSeconds() / 5), "registrations");
            Map<String, Object> level = registrations(new Target(api, true, jdbcUrl, () -> awaitProjections(api)),
                    clients, 0, Duration.ofSeconds(size.commandSeconds()));
            levels.add(level);
            chart.add(new LatencyChart.Point("this app", clients, (double) level.get("perSecond"), (double) level.get("p50Ms"),
                    (double) level.get("p90Ms"), (double) level.get("p99Ms")));
            if (clients == 16) {
                eventsOf16 = (long) level.get("events");
            }
        }
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("what", "POST /api/complaints (registration: SLA deadlines, repeat and group detection) with the workload's complaints");
        commands.put("levels", levels);
        results.put("commands", commands);
        return eventsOf16;
    }

    /**
     * What registrations are sent to: the app (its events counted from the store's head) or the peer (one event a
     * registration); where the database is given, its statements and commits are counted (after {@code settle}: the
     * app's projections caught up).
     */
    private record Target(Api api, boolean eventsFromStore, String jdbcUrl, Settle settle) {
    }

    private interface Settle {
        void await() throws Exception;
    }

    /** The plain-Axon peer on a database of its own on the same PostgreSQL server, driven by the same clients. */
    private void measurePeer(Path data) throws Exception {
        if (!Files.isRegularFile(peerJar)) {
            results.put("peer", Map.of("skipped", "no peer jar at " + peerJar.toAbsolutePath()));
            return;
        }
        progress.phase("starting the plain-Axon peer (" + peerJar.getFileName() + ")", 0, "", null);
        List<Map<String, Object>> levels = new ArrayList<>();
        try (StoreServer server = StoreServer.start(data)) {
            String jdbcUrl = server.freshDatabase("peer");
            try (ChildApp peer = ChildApp.startPeer(peerJar, jdbcUrl, size.heap(), out.resolve("logs/peer.log"))) {
                Api api = new Api(peer.url());
                for (int clients : CLIENTS) {
                    progress.timed("plain-Axon peer: registrations, " + clients + (clients == 1 ? " client" : " clients"),
                            Duration.ofSeconds(size.commandSeconds() + size.commandSeconds() / 5), "registrations");
                    Map<String, Object> level = registrations(new Target(api, false, jdbcUrl, () -> { }), clients, 0,
                            Duration.ofSeconds(size.commandSeconds()));
                    levels.add(level);
                    chart.add(new LatencyChart.Point("plain Axon", clients, (double) level.get("perSecond"),
                            (double) level.get("p50Ms"), (double) level.get("p90Ms"), (double) level.get("p99Ms")));
                }
                Map<String, Object> peerResults = new LinkedHashMap<>();
                peerResults.put("what", "bench-peer: plain Axon " + "(one aggregate, a register command emitting one "
                        + "event, Axon's JPA event store, no security), a database of its own on the same server, "
                        + "the same request bodies");
                peerResults.put("levels", levels);
                peerResults.put("processPeakResidentMiB", Latencies.round(peer.peakResidentMiB()));
                results.put("peer", peerResults);
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ours = (List<Map<String, Object>>) ((Map<String, Object>) results.get("commands")).get("levels");
        for (int i = 0; i < ours.size(); i++) {
            ours.get(i).put("ratioToPlainAxonPeer",
                    Latencies.round((double) ours.get(i).get("perSecond") / (double) levels.get(i).get("perSecond")));
        }
    }

    private Map<String, Object> registrations(Target target, int clients, double rate, Duration measured) throws Exception {
        Api api = target.api();
        double load = Machine.loadAverage();
        Latencies latencies = new Latencies();
        AtomicLong acknowledgedAfterWarmUp = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(size.commandSeconds() / 5).toNanos();
        long end = warmUpEnd + measured.toNanos();
        long pause = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        CountDownLatch done = new CountDownLatch(clients);
        int run = chart.size() + (rate > 0 ? 10 : 0);
        for (int c = 0; c < clients; c++) {
            Workload workload = new Workload(1_000_000L * (seed + 1) + 1_000L * run + c);
            Thread client = new Thread(() -> {
                try {
                    long next = System.nanoTime();
                    while (System.nanoTime() < end) {
                        if (pause > 0) {
                            next += pause;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        CaseScript script = workload.next();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = api.register(script, null);
                        long took = System.nanoTime() - sent;
                        progress.count();
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                        } else if (sent > warmUpEnd && sent < end) {
                            latencies.add(took);
                            acknowledgedAfterWarmUp.incrementAndGet();
                        } else if (sent > warmUpEnd) {
                            acknowledgedAfterWarmUp.incrementAndGet();
                        }
                    }
                } catch (Exception stopped) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "registrations-" + c);
            client.setDaemon(true);
            client.start();
        }
        sleepUntil(warmUpEnd);
        boolean counting = target.jdbcUrl() != null && rate == 0;
        StatementCounts.Snapshot statementsBefore = counting ? StatementCounts.take(target.jdbcUrl()) : null;
        long headBefore = target.eventsFromStore() ? api.headPosition() : 0;
        sleepUntil(end);
        done.await();
        // every registration sent after the warm-up has been answered now: the events they appended, per registration
        long appended = target.eventsFromStore() ? api.headPosition() - headBefore : acknowledgedAfterWarmUp.get();
        double eventsPerRegistration = (double) appended / Math.max(1, acknowledgedAfterWarmUp.get());
        double seconds = measured.toNanos() / 1e9;
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("clients", clients);
        level.put("perSecond", Latencies.round(latencies.count() / seconds));
        level.put("eventsPerRegistration", Latencies.round(eventsPerRegistration));
        level.put("events", Math.round(latencies.count() * eventsPerRegistration));
        level.put("eventsPerSecond", Latencies.round(latencies.count() * eventsPerRegistration / seconds));
        if (counting) {
            target.settle().await();
            level.put("database", StatementCounts.perRegistration(statementsBefore,
                    StatementCounts.take(target.jdbcUrl()), acknowledgedAfterWarmUp.get()));
        }
        level.putAll(latencies.summary());
        level.put("errors", errors.get());
        level.put("seconds", measured.toSeconds());
        level.put("loadAverage", load);
        return level;
    }

    /** Registers at a steady rate (80% of the highest the load levels reached) while probing how soon a new case shows. */
    private Map<String, Object> measureLag(Api api) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) ((Map<String, Object>) results.get("commands")).get("levels");
        // 80% of the highest rate the load levels sustained
        double rate = Math.max(5, Math.round(0.8 * levels.stream().mapToDouble(level -> (double) level.get("perSecond"))
                .max().orElse(0)));
        progress.timed("projection lag behind " + rate + " registrations/s",
                Duration.ofSeconds(size.lagSeconds() + size.commandSeconds() / 5), "registrations");
        double load = Machine.loadAverage();
        Latencies lags = new Latencies();
        AtomicReference<Exception> loadFailed = new AtomicReference<>();
        Thread background = new Thread(() -> {
            try {
                registrations(new Target(api, true, null, () -> { }), 16, rate, Duration.ofSeconds(size.lagSeconds()));
            } catch (Exception failed) {
                loadFailed.set(failed);
            }
        }, "steady-load");
        background.setDaemon(true);
        background.start();
        long end = System.nanoTime() + Duration.ofSeconds(size.lagSeconds() + size.commandSeconds() / 5).toNanos();
        Workload probes = new Workload(seed + 77);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        for (int probe = 0; System.nanoTime() < end; probe++) {
            String branch = String.format(Locale.ROOT, "LAG-%s-%05d", run, probe);
            HttpResponse<String> registered = api.register(probes.next(), branch);
            long accepted = System.nanoTime();
            if (registered.statusCode() != 201) {
                continue;
            }
            while (Json.read(api.read("/api/cases/open?branchCode=" + branch, "analyst1")).findPath("totalElements").asLong() != 1
                    && System.nanoTime() - accepted < 30_000_000_000L) {
                ChildApp.sleep(5);
            }
            lags.add(System.nanoTime() - accepted);
            ChildApp.sleep(200);
        }
        background.join();
        if (loadFailed.get() != null) {
            throw new IllegalStateException("the steady load failed", loadFailed.get());
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("what", "time from a registration's 201 until GET /api/cases/open shows the case");
        lag.put("steadyRegistrationsPerSecond", rate);
        lag.putAll(lags.summary());
        lag.put("loadAverage", load);
        return lag;
    }

    /** On the store of the last size: commands, lag, memory after the load and during the rebuild. */
    private long commandsLagRebuildAndMemory(ChildApp app, Api api, Map<String, Object> load) throws Exception {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsedAfterLoadMiB", heapUsedMiB(api));
        long eventsOf16Clients = measureCommands(api, app.jdbcUrl());
        awaitProjections(api);
        results.put("projectionLag", measureLag(api));
        awaitProjections(api);
        results.put("memory", rebuildAndMemory(app, api, load, memory));
        return eventsOf16Clients;
    }

    private Map<String, Object> rebuildAndMemory(ChildApp app, Api api, Map<String, Object> load,
                                                 Map<String, Object> memory) throws Exception {
        memory.put("events", load.get("eventsInStore"));
        memory.put("cases", load.get("cases"));
        memory.put("heapMax", size.heap());
        Map<String, Object> rebuild = rebuild(app, api, null);
        results.put("rebuild", rebuild);
        Map<String, Object> statistics = rebuild(app, api, null, "statistics");
        statistics.remove("heapUsedPeakMiB");
        results.put("rebuildStatistics", statistics);
        memory.put("heapUsedPeakDuringRebuildMiB", rebuild.remove("heapUsedPeakMiB"));
        memory.put("processPeakResidentMiB", Latencies.round(app.peakResidentMiB()));
        memory.put("what", "heap: actuator jvm.memory.used (area heap), sampled each second; process: VmHWM of /proc/<pid>/status; "
                + "database server: the Pss of the postmaster and its processes summed (smaps_rollup), sampled each second");
        return memory;
    }

    /**
     * Rebuilds the cases projection through the replay endpoint; with a window, stops measuring after it (the
     * baseline), otherwise waits for completion.
     */
    private Map<String, Object> rebuild(ChildApp app, Api api, Duration window) throws Exception {
        return rebuild(app, api, window, "cases");
    }

    private Map<String, Object> rebuild(ChildApp app, Api api, Duration window, String projection) throws Exception {
        if (window == null) {
            progress.phase("rebuild of the " + projection + " projection, the app's settings", api.headPosition(), "events", null);
        } else {
            progress.timed("rebuild of the " + projection + " projection, Axon's default settings", window, "events");
        }
        double load = Machine.loadAverage();
        HttpResponse<String> started = api.post("/api/admin/projections/" + projection + "/replay", "compliance1", "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("replay refused: " + started.statusCode() + " " + started.body());
        }
        long begin = System.nanoTime();
        double heapPeak = 0;
        JsonNode progress;
        List<double[]> samples = new ArrayList<>();
        while (true) {
            ChildApp.sleep(1_000);
            progress = Json.read(api.read("/api/admin/projections/" + projection, "compliance1"));
            double seconds = (System.nanoTime() - begin) / 1e9;
            samples.add(new double[]{seconds, progress.path("processed").asLong()});
            if (window == null) {
                this.progress.done(progress.path("processed").asLong());
            } else {
                this.progress.counted(progress.path("processed").asLong());
            }
            heapPeak = Math.max(heapPeak, heapUsedMiB(api));
            if ("COMPLETED".equals(progress.path("state").asText()) || window != null && seconds >= window.toSeconds()) {
                break;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long processed = progress.path("processed").asLong();
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("projection", projection);
        rebuild.put("settings", window != null ? "" : projection.equals("cases")
                ? "the app's: pooled streaming, 1 thread, 1 segment, batch size 1000"
                : "the app's: pooled streaming, 1 thread, 1 segment, batch size 250");
        rebuild.put("eventsInStore", progress.path("total").asLong());
        rebuild.put("eventsProcessed", processed);
        rebuild.put("seconds", Latencies.round(seconds));
        rebuild.put("completed", "COMPLETED".equals(progress.path("state").asText()));
        rebuild.put("eventsPerSecond", Latencies.round(processed / seconds));
        if (window == null) {
            double first = size.baselineSeconds();
            double[] inWindow = samples.stream().filter(sample -> sample[0] <= first + 0.5)
                    .max(Comparator.comparingDouble(sample -> sample[0])).orElse(samples.get(0));
            rebuild.put("eventsPerSecondInFirstBaselineWindow", Latencies.round(inWindow[1] / inWindow[0]));
            rebuild.put("heapUsedPeakMiB", Latencies.round(heapPeak));
        }
        rebuild.put("loadAverage", load);
        return rebuild;
    }

    private static double heapUsedMiB(Api api) throws Exception {
        String metric = api.read("/actuator/metrics/jvm.memory.used?tag=area:heap", "supervisor1");
        return Latencies.round(Json.read(metric).findPath("value").asDouble() / (1024 * 1024));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            ChildApp.sleep(wait / 1_000_000);
        }
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
