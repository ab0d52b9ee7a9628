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
 * </pre>
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
            System.err.println("usage: Bench register|query [--url U] [--clients N] [--seconds S] [--path P] [--user U --password P]");
            System.exit(2);
        }
        String mode = args[0];
        String url = option(args, "--url", "http://localhost:8080");
        URI base = URI.create(url);
        if (!isLoopback(base.getHost())) {
            throw new IllegalArgumentException("benchmarks only target this machine (loopback), not " + base.getHost());
        }
        int clients = Integer.parseInt(option(args, "--clients", mode.equals("register") ? "16" : "4"));
        int seconds = Math.min(600, Integer.parseInt(option(args, "--seconds", "20")));
        String user = option(args, "--user", mode.equals("register") ? "intake1" : "analyst1");
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
                    while (Instant.now().isBefore(end)) {
                        HttpRequest request = mode.equals("register")
                                ? registration(base, auth, random)
                                : HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).GET().build();
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        boolean ok = response.statusCode() / 100 == 2;
                        if (!ok) {
                            errors.incrementAndGet();
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
        done.await();
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "mode=%s clients=%d measured=%ds requests=%d errors=%d throughput=%.1f/s%n",
                mode, clients, seconds, all.length, errors.get(), all.length / (double) seconds);
        if (all.length > 0) {
            System.out.printf(Locale.ROOT, "latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    ms(all, 50), ms(all, 90), ms(all, 99), all[all.length - 1] / 1e6);
        }
    }

    private static HttpRequest registration(URI base, String auth, Random random) {
        String[] category = CATEGORY_TREE[random.nextInt(CATEGORY_TREE.length)];
        String body = """
                {"complaintId":"%s","receivedAt":"%s","channel":"%s","branchCode":"BR-%04d",
                 "customer":{"customerId":"C-%06d","name":"Customer %d","phone":"+86 138 %04d %04d","email":"c%d@example.com"},
                 "category":"%s","subcategory":"%s","rootIssue":"%s",
                 "description":"Benchmark complaint","requestedRemedy":{"type":"EXPLANATION"}}
                """.formatted(UUID.randomUUID(), Instant.now().minusSeconds(600), CHANNELS[random.nextInt(CHANNELS.length)],
                random.nextInt(50) + 1, random.nextInt(1_000_000), random.nextInt(1_000_000), random.nextInt(10_000),
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
