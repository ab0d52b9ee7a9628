package com.complaintcase.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 on a socket, for what an HTTP client will not do: declare a body and send only its beginning, to see that
 * the service answers before it reads the rest.
 */
final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)");
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    private RawHttp() {
    }

    /** A POST declaring {@code declaredLength} bytes of which only {@code start} is sent; the answer as text. */
    static String postDeclaring(URI base, String path, String user, long declaredLength, String start)
            throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n" + start;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return responseOf(socket.getInputStream());
        }
    }

    static int statusOf(String response) {
        Matcher status = STATUS.matcher(response);
        return status.find() ? Integer.parseInt(status.group(1)) : -1;
    }

    static String bodyOf(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    /** The status line, headers and body of one response that has a Content-Length. */
    private static String responseOf(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }
}
