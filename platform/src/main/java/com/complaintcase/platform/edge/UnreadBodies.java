package com.complaintcase.platform.edge;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;

import java.io.IOException;

/**
 * A request refused before its body was read is answered with {@code Connection: close}, and the connection is
 * closed after the answer instead of reading the rest of the body (Tomcat would otherwise read up to
 * {@code server.tomcat.max-swallow-size} of it, at the client's pace, on a request thread).
 */
public final class UnreadBodies {

    private static final String UNDRAINED = UnreadBodies.class.getName() + ".undrained";

    private UnreadBodies() {
    }

    public static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Before a refusal is written: if the request carries a body, the connection ends with the answer. */
    public static void closeAfterRefusal(HttpServletRequest request, HttpServletResponse response) {
        if (hasBody(request) && !response.isCommitted()) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            request.setAttribute(UNDRAINED, Boolean.TRUE);
        }
    }

    /** Tells Tomcat not to drain the body of a refusal that closes the connection, once the answer is complete. */
    static final class UndrainedRefusalValve extends ValveBase {

        UndrainedRefusalValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                getNext().invoke(request, response);
            } finally {
                if (Boolean.TRUE.equals(request.getAttribute(UNDRAINED)) && !request.getCoyoteRequest().isFinished()) {
                    response.finishResponse();
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                    // not draining marks the exchange as failed; the answer is complete, so no error page follows it
                    response.setErrorReported();
                }
            }
        }
    }
}
