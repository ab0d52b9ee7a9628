package com.complaintcase.bench.suite;

import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Workload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash test: nothing acknowledged is ever lost.
 *
 * <pre>
 * java -jar bench/target/bench-*.jar crash [--cycles 10] [--clients 8] [--load-seconds 10] [--out target/crash-results]
 *      [--app standalone/target/complaint-case-standalone.jar] [--seed 42]
 * </pre>
 *
 * Each cycle: {@code clients} clients register complaints over HTTP, each remembering every id answered 201; at a
 * random moment (seeded) within {@code load-seconds} the app's JVM is killed ({@code kill -9}), which leaves its
 * PostgreSQL server running; the app is started again on the same data directory and the same database port (it
 * stops that server and starts afresh). After each restart: every id acknowledged so far is read back from the event store (its history must
 * begin with ComplaintRegistered), new registrations must all be accepted, the hash chains of sampled cases must
 * verify, and no request may fail or be answered 5xx. Requests in flight at the kill were not acknowledged: they
 * do not count, whether their case exists afterwards or not. Writes crash.json and crash.md; {@link #main} exits
 * with 1 if anything was lost or failed.
 */
public final class Crash {

    /** What a run does; {@code registrationsAfterRestart} and {@code verifiedAfterRestart} per restart. */
    public record Settings(Path jar, Path out, int cycles, int clients, int loadSeconds, int registrationsAfterRestart,
                           int verifiedAfterRestart, long seed, String heap) {
    }

    /** One cycle's figures. */
    public record Cycle(int cycle, double killedAfterSeconds, long acknowledged, long acknowledgedSoFar,
                        long inFlightAtKill, long errorsUnderLoad, boolean serverLeftRunning,
                        boolean leftoverServerStopped, double restartSeconds, long lost, long errorsAfterRestart,
                        long registeredAfterRestart, long chainsVerified, long chainsNotValid) {

        boolean clean() {
            return lost == 0 && errorsUnderLoad == 0 && errorsAfterRestart == 0 && chainsNotValid == 0;
        }
    }

    /** The run's cycles and totals. */
    public record Result(Settings settings, List<Cycle> cycles, long acknowledged, long lost, long errors,
                         long chainsNotValid, double maxRestartSeconds, boolean passed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Settings settings;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Random random;

    public Crash(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(
                Path.of(Suite.option(args, "--app", "standalone/target/complaint-case-standalone.jar")),
                Path.of(Suite.option(args, "--out", "target/crash-results")),
                Integer.parseInt(Suite.option(args, "--cycles", "10")),
                Integer.parseInt(Suite.option(args, "--clients", "8")),
                Integer.parseInt(Suite.option(args, "--load-seconds", "10")),
                Integer.parseInt(Suite.option(args, "--registrations-after-restart", "50")),
                Integer.parseInt(Suite.option(args, "--verified-after-restart", "20")),
                Long.parseLong(Suite.option(args, "--seed", "42")),
                Suite.option(args, "--heap", "1g"));
        Result result = new Crash(settings).run();
        System.out.print(markdown(result));
        System.out.println("results: " + settings.out().resolve("crash.json").toAbsolutePath());
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs every cycle; the data directory is deleted when the run passed, kept for a look otherwise. */
    public Result run() throws Exception {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalArgumentException("no app jar at " + settings.jar());
        }
        Path data = settings.out().resolve("data");
        Suite.deleteRecursively(data);
        Files.createDirectories(settings.out());
        List<Cycle> cycles = new ArrayList<>();
        int databasePort = ChildApp.freePort();
        ChildApp app = ChildApp.start(settings.jar(), data, settings.heap(),
                settings.out().resolve("logs/0-first-start.log"), List.of(), databasePort);
        try {
            for (int n = 1; n <= settings.cycles(); n++) {
                Load load = loadAndKill(app, n);
                boolean serverLeftRunning = postmaster(data).isPresent();
                Path log = settings.out().resolve("logs/" + n + "-restart.log");
                long restarting = System.nanoTime();
                app = ChildApp.start(settings.jar(), data, settings.heap(), log, List.of(), databasePort);
                double restartSeconds = (System.nanoTime() - restarting) / 1e9;
                boolean leftoverStopped = Files.readString(log).contains("left running on");
                cycles.add(checkAfterRestart(new Api(app.url()), n, load, serverLeftRunning, leftoverStopped,
                        restartSeconds));
                Files.writeString(settings.out().resolve("crash.json"), JSON.writeValueAsString(result(cycles)));
            }
        } finally {
            app.close();
            postmaster(data).ifPresent(ProcessHandle::destroy);
        }
        Result result = result(cycles);
        Files.writeString(settings.out().resolve("crash.json"), JSON.writeValueAsString(result));
        Files.writeString(settings.out().resolve("crash.md"), markdown(result));
        if (result.passed()) {
            Suite.deleteRecursively(data);
        }
        return result;
    }

    private record Load(double killedAfterSeconds, long acknowledged, long inFlightAtKill, long errors) {
    }

    private Load loadAndKill(ChildApp app, int cycle) throws Exception {
        Api api = new Api(app.url());
        double killAfter = 1 + random.nextDouble() * Math.max(0, settings.loadSeconds() - 1);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Workload workload = new Workload(settings.seed() * 1_000_000 + cycle * 1_000L + c);
            Thread client = new Thread(() -> {
                while (true) {
                    CaseScript script = workload.next();
                    try {
                        HttpResponse<String> response = api.register(script, null);
                        if (response.statusCode() == 201) {
                            acknowledged.add(script.complaintId().value());
                            answered.incrementAndGet();
                        } else if (!killed.get()) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException failed) {
                        (killed.get() ? inFlight : errors).incrementAndGet();
                        if (killed.get()) {
                            return;
                        }
                    }
                }
            }, "crash-load-" + c);
            client.setDaemon(true);
            clients.add(client);
        }
        long started = System.nanoTime();
        clients.forEach(Thread::start);
        ChildApp.sleep((long) (killAfter * 1000));
        killed.set(true);
        app.kill();
        double killedAfter = (System.nanoTime() - started) / 1e9;
        for (Thread client : clients) {
            client.join(60_000);
        }
        return new Load(Latencies.round(killedAfter), answered.get(), inFlight.get(), errors.get());
    }

    private Cycle checkAfterRestart(Api api, int n, Load load, boolean serverLeftRunning, boolean leftoverStopped,
                                    double restartSeconds) throws Exception {
        AtomicLong lost = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> ids = List.copyOf(acknowledged);
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, settings.clients()));
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String id : ids) {
                reads.add(readers.submit(() -> {
                    switch (readBack(api, id)) {
                        case REGISTERED -> { }
                        case LOST -> lost.incrementAndGet();
                        case ERROR -> errors.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            readers.shutdownNow();
        }
        Workload workload = new Workload(settings.seed() * 1_000_000 + n * 1_000L + 999);
        long registered = 0;
        for (int i = 0; i < settings.registrationsAfterRestart(); i++) {
            CaseScript script = workload.next();
            if (succeeded(() -> api.register(script, null), 201, errors)) {
                acknowledged.add(script.complaintId().value());
                registered++;
            }
        }
        long verified = 0;
        long notValid = 0;
        for (String id : sample(ids, settings.verifiedAfterRestart())) {
            Optional<HttpResponse<String>> answer = answer(() -> api.get("/api/cases/" + id + "/verification",
                    "compliance1"), errors);
            if (answer.isEmpty() || answer.get().statusCode() != 200) {
                notValid++;
                continue;
            }
            if ("VALID".equals(JSON.readTree(answer.get().body()).path("status").asText())) {
                verified++;
            } else {
                notValid++;
            }
        }
        return new Cycle(n, load.killedAfterSeconds(), load.acknowledged(), ids.size(), load.inFlightAtKill(),
                load.errors(), serverLeftRunning, leftoverStopped, Latencies.round(restartSeconds), lost.get(),
                errors.get(), registered, verified, notValid);
    }

    private enum ReadBack { REGISTERED, LOST, ERROR }

    /** The case's history from the event store: found and beginning with ComplaintRegistered, not found, or failed. */
    private static ReadBack readBack(Api api, String id) throws IOException {
        HttpResponse<String> response;
        try {
            response = api.get("/api/cases/" + id + "/history", "compliance1");
        } catch (IOException | InterruptedException failed) {
            return ReadBack.ERROR;
        }
        if (response.statusCode() == 404) {
            return ReadBack.LOST;
        }
        if (response.statusCode() != 200) {
            return ReadBack.ERROR;
        }
        JsonNode first = JSON.readTree(response.body()).path(0);
        return first.path("sequence").asLong(-1) == 0 && "ComplaintRegistered".equals(first.path("type").asText())
                ? ReadBack.REGISTERED : ReadBack.LOST;
    }

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static boolean succeeded(Request request, int expected, AtomicLong errors) {
        Optional<HttpResponse<String>> answer = answer(request, errors);
        if (answer.isEmpty() || answer.get().statusCode() == expected) {
            return answer.isPresent();
        }
        if (answer.get().statusCode() < 500) {
            errors.incrementAndGet();
        }
        return false;
    }

    /** The answer, if there was one; a failed request and a 5xx answer are errors. */
    private static Optional<HttpResponse<String>> answer(Request request, AtomicLong errors) {
        try {
            HttpResponse<String> response = request.send();
            if (response.statusCode() >= 500) {
                errors.incrementAndGet();
            }
            return Optional.of(response);
        } catch (IOException | InterruptedException failed) {
            errors.incrementAndGet();
            return Optional.empty();
        }
    }

    private List<String> sample(List<String> ids, int size) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(size, ids.size()); i++) {
            sample.add(ids.get(random.nextInt(ids.size())));
        }
        return sample;
    }

    /** The PostgreSQL server whose process id the data directory's postmaster.pid names, if it runs. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
    }

    private Result result(List<Cycle> cycles) {
        long lost = cycles.stream().mapToLong(Cycle::lost).sum();
        long errors = cycles.stream().mapToLong(cycle -> cycle.errorsUnderLoad() + cycle.errorsAfterRestart()).sum();
        long notValid = cycles.stream().mapToLong(Cycle::chainsNotValid).sum();
        return new Result(settings, List.copyOf(cycles), acknowledged.size(), lost, errors, notValid,
                cycles.stream().mapToDouble(Cycle::restartSeconds).max().orElse(0),
                cycles.size() == settings.cycles() && cycles.stream().allMatch(Cycle::clean));
    }

    static String markdown(Result result) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Crash test%n%n%d cycles of %d clients registering, kill -9 of the app at a random moment (seed %d)"
                        + " within %d s, restart on the same data (%s)%n%n",
                result.settings().cycles(), result.settings().clients(), result.settings().seed(),
                result.settings().loadSeconds(), Instant.now()));
        md.append("| cycle | killed after (s) | acknowledged | acknowledged so far | in flight at kill | lost"
                + " | errors under load | errors after restart | restart (s) | server left by the kill stopped"
                + " | registered after restart | chains VALID |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Cycle c : result.cycles()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | **%d** | %d | %d | %s | %s | %d | %d/%d |%n",
                    c.cycle(), c.killedAfterSeconds(), c.acknowledged(), c.acknowledgedSoFar(), c.inFlightAtKill(),
                    c.lost(), c.errorsUnderLoad(), c.errorsAfterRestart(), c.restartSeconds(),
                    !c.serverLeftRunning() ? "none left" : c.leftoverServerStopped() ? "yes" : "NO",
                    c.registeredAfterRestart(), c.chainsVerified(), c.chainsVerified() + c.chainsNotValid()));
        }
        md.append(String.format(Locale.ROOT, "%nTotal: %d ids acknowledged, **%d lost**, **%d errors**, %d chains not"
                        + " VALID, longest restart %s s: %s%n", result.acknowledged(), result.lost(), result.errors(),
                result.chainsNotValid(), result.maxRestartSeconds(), result.passed() ? "PASSED" : "FAILED"));
        return md.toString();
    }
}
