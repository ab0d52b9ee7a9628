package com.complaintcase.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Normal reads while slow clients upload: {@code --slow N} authenticated and {@code --anonymous M} unauthenticated
 * uploads to {@code POST /api/complaints}, each sending one byte of JSON whitespace every {@code --drip} (PT2S) and starting over
 * whenever the server answers ({@code --ignore-answers true}: only when it closes), while one client reads {@code GET /api/cases/open} every 100 ms for
 * {@code --seconds}. Prints the reads' latency percentiles and what the slow uploads were answered. Against an app
 * already running (loopback only):
 * <pre>java -cp bench/target/classes com.complaintcase.bench.SlowClientBench --url http://127.0.0.1:8080 --slow 30</pre>
 */
public final class SlowClientBench {

    private static final String UNANSWERED = "unanswered at the end";
    private static final String CLOSED = "closed by the server";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--url", "http://127.0.0.1:8080", "--slow", "30",
                "--anonymous", "0", "--seconds", "60", "--drip", "PT2S", "--password", "demo",
                "--body-bytes", "100000", "--ignore-answers", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        URI base = URI.create(options.get("--url"));
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        int slow = Integer.parseInt(options.get("--slow"));
        int anonymous = Integer.parseInt(options.get("--anonymous"));
        Duration run = Duration.ofSeconds(Long.parseLong(options.get("--seconds")));
        Duration drip = Duration.parse(options.get("--drip"));
        String password = options.get("--password");
        int bodyBytes = Integer.parseInt(options.get("--body-bytes"));
        boolean ignoreAnswers = Boolean.parseBoolean(options.get("--ignore-answers"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String analyst = basic("analyst1", password);
        for (int i = 0; i < 20; i++) {
            read(http, base, analyst);
        }

        long end = System.nanoTime() + run.toNanos();
        Map<String, AtomicInteger> answers = Collections.synchronizedMap(new HashMap<>());
        AtomicLong restarts = new AtomicLong();
        List<Thread> uploaders = new ArrayList<>();
        for (int i = 0; i < slow + anonymous; i++) {
            String authorization = i < slow ? basic("intake1", password) : null;
            Thread uploader = new Thread(() -> upload(base, authorization, bodyBytes, drip, ignoreAnswers, end, answers, restarts),
                    "slow-upload-" + i);
            uploader.setDaemon(true);
            uploader.start();
            uploaders.add(uploader);
        }
        Thread.sleep(1_000);

        List<Long> micros = new ArrayList<>();
        int failed = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status = read(http, base, analyst);
            if (status == 200) {
                micros.add((System.nanoTime() - start) / 1_000);
            } else {
                failed++;
            }
            Thread.sleep(100);
        }
        for (Thread uploader : uploaders) {
            uploader.join(10_000);
        }
        Collections.sort(micros);
        System.out.printf("slow uploads: %d authenticated, %d anonymous, 1 byte every %s; %d s%n", slow, anonymous,
                drip, run.toSeconds());
        System.out.printf("reads: %d answered 200, %d failed or timed out (5 s)%n", micros.size(), failed);
        if (!micros.isEmpty()) {
            System.out.printf("read latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", percentile(micros, 50),
                    percentile(micros, 95), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0);
        }
        System.out.printf("slow uploads answered: %s; uploads started: %d%n", new java.util.TreeMap<>(answers),
                restarts.get());
    }

    private static int read(HttpClient http, URI base, String authorization) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/cases/open"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", authorization)
                    .GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One slow uploader: drips its body until answered or closed, then starts again, until {@code end}. */
    private static void upload(URI base, String authorization, int bodyBytes, Duration drip, boolean ignoreAnswers,
                               long end,
                               Map<String, AtomicInteger> answers, AtomicLong restarts) {
        while (System.nanoTime() < end) {
            restarts.incrementAndGet();
            String outcome = UNANSWERED;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                socket.setSoTimeout(1);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                String head = "POST /api/complaints HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + bodyBytes + "\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int sent = 0; sent < bodyBytes && System.nanoTime() < end; sent++) {
                    out.write(' ');
                    out.flush();
                    String status = statusIfAny(in, drip);
                    if (status == null) {
                        continue;
                    }
                    if (status.equals(CLOSED)) {
                        outcome = closed(outcome);
                        break;
                    }
                    if (outcome.equals(UNANSWERED)) {
                        outcome = status;
                    }
                    if (!ignoreAnswers) {
                        break;
                    }
                }
            } catch (IOException closed) {
                outcome = closed(outcome);
            }
            answers.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
            if (!outcome.equals(UNANSWERED)) {
                pause(drip);
            }
        }
    }

    private static String closed(String outcome) {
        return outcome.equals(UNANSWERED) || outcome.equals(CLOSED) ? CLOSED : outcome + " then closed";
    }

    /** Waits {@code drip} for an answer: its status code, or null when none came. */
    private static String statusIfAny(InputStream in, Duration drip) throws IOException {
        long until = System.nanoTime() + drip.toNanos();
        byte[] buffer = new byte[64];
        while (System.nanoTime() < until) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return CLOSED;
                }
                String answer = new String(buffer, 0, read, StandardCharsets.US_ASCII);
                return answer.length() >= 12 ? answer.substring(9, 12) : "answered";
            } catch (java.net.SocketTimeoutException nothing) {
                pause(Duration.ofMillis(50));
            }
        }
        return null;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static double percentile(List<Long> sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
