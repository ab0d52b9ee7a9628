package com.complaintcase.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a running service over HTTP.
 *
 * <pre>
 * java -jar bench/target/bench-*.jar register [--url http://localhost:8080] [--clients 16] [--seconds 20]
 * java -jar bench/target/bench-*.jar query    [--url ...] [--clients 4] [--seconds 10] [--path /api/cases/open?branchCode=BR-0101]
 * java -jar bench/target/bench-*.jar lag      [--url ...] [--clients 8] [--rate 300] [--seconds 20]
 * java -jar bench/target/bench-*.jar breach   [--url ...] [--limit-seconds 5] [--seconds 30]
 * java -jar bench/target/bench-*.jar suite    [--size tiny|small|full] [--out target/bench-results]  (see Suite)
 * java -jar bench/target/bench-*.jar suite    --queries-only --data DIR [--out ...]  (queries on a stopped app's data)
 * java -jar bench/target/bench-*.jar crash    [--cycles 10] [--clients 8] [--out target/crash-results]  (see Crash)
 * java -jar bench/target/bench-*.jar scale-read-model --data DIR --to 1000000 --into DIR2   (see ReadModelScale)
 * </pre>
 *
 * {@code breach} (against a service started with {@code --complaints.policy.bank-internal.first-contact-limit=PT5S})
 * registers probe cases one at a time and measures from each case's first-contact due time until its
 * history holds the {@code DeadlineBreached} fact; with {@code --clients N} it registers background load meanwhile.
 *
 * {@code lag} registers at a steady total rate and meanwhile probes how long a new case takes to show in
 * the open-cases list (registered in a branch of its own, then polled every 5 ms).
 *
 * Prints throughput and latency percentiles. Loops are bounded in time and the target must be on this
 * machine (loopback).
 */
public final class Bench {

    private static final String[][] CATEGORY_TREE = {
            {"PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE"},
            {"PERSONNEL_SERVICE", "UNFAMILIAR_WITH_BUSINESS", "SERVICE_ATTITUDE"},
            {"BUSINESS_ERROR", "WRONG_FEE", "FEES"},
            {"BUSINESS_ERROR", "OPERATION_ERROR", "PRODUCT_INFORMATION"},
            {"HARDWARE_AND_CHANNELS", "MOBILE_BANKING", "TECHNICAL"},
            {"HARDWARE_AND_CHANNELS", "ATM_OR_SELF_SERVICE", "TECHNICAL"},
            {"RULES_AND_POLICY", "SERVICE_CHARGE", "FEES"},
            {"SPECIAL_GROUPS", "ELDERLY_OR_DISABLED", "SERVICE_ATTITUDE"}};
    private static final String[] CHANNELS = {"PHONE", "VISIT", "ONLINE", "MOBILE_APP", "EMAIL", "LETTER"};

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench register|query|lag [--url U] [--clients N] [--seconds S] [--rate R] [--path P] [--user U --password P]");
            System.exit(2);
        }
        String mode = args[0];
        if (mode.equals("suite")) {
            com.complaintcase.bench.suite.Suite.main(args);
            return;
        }
        if (mode.equals("crash")) {
            com.complaintcase.bench.suite.Crash.main(args);
            return;
        }
        if (mode.equals("scale-read-model")) {
            com.complaintcase.bench.suite.ReadModelScale.main(args);
            return;
        }
        String url = option(args, "--url", "http://localhost:8080");
        URI base = URI.create(url);
        if (!isLoopback(base.getHost())) {
            throw new IllegalArgumentException("benchmarks only target this machine (loopback), not " + base.getHost());
        }
        int clients = Integer.parseInt(option(args, "--clients", mode.equals("query") ? "4" : "16"));
        double rate = Double.parseDouble(option(args, "--rate", "0"));
        long pauseNanos = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        int seconds = Math.min(600, Integer.parseInt(option(args, "--seconds", "20")));
        String user = option(args, "--user", mode.equals("query") ? "analyst1" : "intake1");
        String password = option(args, "--password", "demo");
        String path = option(args, "--path", "/api/cases/open?branchCode=BR-0101");
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Instant warmupEnd = Instant.now().plusSeconds(Math.max(2, seconds / 5));
        Instant end = warmupEnd.plusSeconds(seconds);
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                Random random = new Random(client * 7919L + 17);
                List<Long> mine = new ArrayList<>();
                try {
                    long next = System.nanoTime();
                    while (Instant.now().isBefore(end)) {
                        if (pauseNanos > 0) {
                            next += pauseNanos;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        if (mode.equals("breach") && clients == 0) {
                            break;
                        }
                        HttpRequest request = !mode.equals("query")
                                ? registration(base, auth, random)
                                : HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).GET().build();
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        boolean ok = response.statusCode() / 100 == 2;
                        if (!ok) {
                            if (errors.incrementAndGet() <= 5) {
                                System.err.println("client " + client + ": " + response.statusCode() + " "
                                        + response.body().substring(0, Math.min(300, response.body().length())));
                            }
                        } else if (Instant.now().isAfter(warmupEnd)) {
                            mine.add(took);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("client " + client + " stopped: " + e);
                } finally {
                    samples.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            }, "bench-client-" + c);
            worker.start();
        }
        List<Long> lags = new ArrayList<>();
        if (mode.equals("breach")) {
            long limitNanos = Long.parseLong(option(args, "--limit-seconds", "5")) * 1_000_000_000L;
            String readAuth = "Basic " + Base64.getEncoder().encodeToString(("analyst1:" + password).getBytes(StandardCharsets.UTF_8));
            Random random = new Random(77);
            String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
            int probe = 0;
            while (Instant.now().isBefore(end)) {
                String branch = String.format(Locale.ROOT, "SLA-%s-%05d", run, probe++);
                long sent = System.nanoTime();
                HttpResponse<String> registered = http.send(registration(base, auth, random, branch),
                        HttpResponse.BodyHandlers.ofString());
                if (registered.statusCode() != 201) {
                    errors.incrementAndGet();
                    continue;
                }
                long due = sent + limitNanos;
                String id = registered.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
                String auditAuth = "Basic " + Base64.getEncoder().encodeToString(("compliance1:" + password).getBytes(StandardCharsets.UTF_8));
                HttpRequest look = HttpRequest.newBuilder(base.resolve("/api/cases/" + id + "/history"))
                        .header("Authorization", auditAuth).GET().build();
                while (!http.send(look, HttpResponse.BodyHandlers.ofString()).body().contains("\"DeadlineBreached\"")
                        && System.nanoTime() - due < 60_000_000_000L) {
                    Thread.sleep(20);
                }
                lags.add(System.nanoTime() - due);
            }
        }
        if (mode.equals("lag")) {
            String readAuth = "Basic " + Base64.getEncoder().encodeToString(("analyst1:" + password).getBytes(StandardCharsets.UTF_8));
            Random random = new Random(4242);
            String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
            int probe = 0;
            while (Instant.now().isBefore(end)) {
                String branch = String.format(Locale.ROOT, "LAG-%s-%05d", run, probe++);
                HttpResponse<String> registered = http.send(registration(base, auth, random, branch),
                        HttpResponse.BodyHandlers.ofString());
                long accepted = System.nanoTime();
                if (registered.statusCode() != 201) {
                    errors.incrementAndGet();
                    continue;
                }
                HttpRequest look = HttpRequest.newBuilder(base.resolve("/api/cases/open?branchCode=" + branch))
                        .header("Authorization", readAuth).GET().build();
                while (!http.send(look, HttpResponse.BodyHandlers.ofString()).body().contains("\"totalElements\":1,")
                        && System.nanoTime() - accepted < 30_000_000_000L) {
                    Thread.sleep(5);
                }
                if (Instant.now().isAfter(warmupEnd)) {
                    lags.add(System.nanoTime() - accepted);
                }
                Thread.sleep(200);
            }
        }
        done.await();
        if (!lags.isEmpty()) {
            long[] sortedLags = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s ms (%d probes): p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                    mode.equals("breach") ? "due time to breach recorded" : "open-cases view lag",
                    sortedLags.length, ms(sortedLags, 50), ms(sortedLags, 90), ms(sortedLags, 99),
                    sortedLags[sortedLags.length - 1] / 1e6);
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "mode=%s clients=%d measured=%ds requests=%d errors=%d throughput=%.1f/s%n",
                mode, clients, seconds, all.length, errors.get(), all.length / (double) seconds);
        if (all.length > 0) {
            System.out.printf(Locale.ROOT, "latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    ms(all, 50), ms(all, 90), ms(all, 99), all[all.length - 1] / 1e6);
        }
    }

    private static HttpRequest registration(URI base, String auth, Random random) {
        return registration(base, auth, random, String.format(Locale.ROOT, "BR-%04d", random.nextInt(50) + 1));
    }

    private static HttpRequest registration(URI base, String auth, Random random, String branch) {
        String[] category = CATEGORY_TREE[random.nextInt(CATEGORY_TREE.length)];
        String body = """
                {"complaintId":"%s","receivedAt":"%s","channel":"%s","branchCode":"%s",
                 "customer":{"customerId":"C-%06d","name":"Customer %d","phone":"+86 138 %04d %04d","email":"c%d@example.com"},
                 "category":"%s","subcategory":"%s","rootIssue":"%s",
                 "description":"Benchmark complaint","requestedRemedy":{"type":"EXPLANATION"}}
                """.formatted(UUID.randomUUID(), Instant.now().minusSeconds(600), CHANNELS[random.nextInt(CHANNELS.length)],
                branch, random.nextInt(1_000_000), random.nextInt(1_000_000), random.nextInt(10_000),
                random.nextInt(10_000), random.nextInt(1_000_000), category[0], category[1], category[2]);
        return HttpRequest.newBuilder(base.resolve("/api/complaints"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static double ms(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100d * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
