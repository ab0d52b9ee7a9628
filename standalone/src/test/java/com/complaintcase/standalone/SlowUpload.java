package com.complaintcase.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A client on a raw socket that announces a body of {@code declaredLength} bytes and sends only the first one, then
 * nothing more: the slowest upload there is. Every read is bounded.
 */
final class SlowUpload implements AutoCloseable {

    /** The answer as far as it came: the status line, the headers (lower-case names) and the body read so far. */
    record Answer(int status, java.util.Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;

    private SlowUpload(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Starts the upload; {@code user} null for no credentials. */
    static SlowUpload start(URI base, String path, String user, int declaredLength) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            StringBuilder head = new StringBuilder()
                    .append("POST ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json, application/problem+json\r\n")
                    .append("Content-Length: ").append(declaredLength).append("\r\n");
            if (user != null) {
                String credentials = user + ":" + Api.DEMO_PASSWORD;
                head.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            head.append("\r\n{");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new SlowUpload(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a slow upload to " + path, e);
        }
    }

    /** The answer's status line, headers and (with Content-Length) body, if they come within {@code within}. */
    Optional<Answer> answer(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            String statusLine = line();
            if (statusLine == null) {
                return Optional.empty();
            }
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return Optional.of(new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8)));
        } catch (SocketTimeoutException nothingYet) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection (end of stream or reset) within {@code within}. */
    boolean closedByServer(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
