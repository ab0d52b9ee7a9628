package com.complaintcase.standalone;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Server-Sent Events stream read line by line with {@code java.net.http}: a reader thread parses
 * {@code event:} / {@code data:} lines into events, which the test takes with a bounded wait.
 */
final class ServerSentEvents implements AutoCloseable {

    record Event(String name, String data) {
    }

    private final String description;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServerSentEvents(String description, HttpResponse<Stream<String>> response) {
        this.description = description;
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static ServerSentEvents open(HttpClient http, HttpRequest request, String description) {
        try {
            return new ServerSentEvents(description,
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not open " + description, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, whatever it is, within {@code within}. */
    Event next(Duration within) {
        try {
            Event event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + within + " on " + description + "; lines so far: " + lines);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The first event matching {@code wanted} within {@code within}, passing over others. */
    Event nextMatching(Predicate<Event> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Event> passed = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + within + " on " + description
                        + "; passed over: " + passed);
            }
            Event event = next(Duration.ofNanos(left));
            if (wanted.test(event)) {
                return event;
            }
            passed.add(event);
        }
    }

    /** Every line received so far, exactly as sent. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> body = response.body()) {
            for (String line : (Iterable<String>) body::iterator) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (UncheckedIOException closed) {
            // the stream was closed, by the test or by the server
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        reader.interrupt();
    }

    @Override
    public String toString() {
        return description + " -> " + response.statusCode() + " " + lines;
    }
}
