package com.complaintcase.platform.edge;

import com.complaintcase.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reading a body blocks a request thread for as long as the client takes to send it. At most
 * {@code complaints.http.max-body-readers} requests hold one that way at once; another request with a body is
 * refused 503 {@code SERVER_BUSY} (with Retry-After) before any of its body is read, so slow uploads leave the
 * other request threads to everyone else. A request holds its place until its body is read to the end (or it ends).
 */
public class BodyReadLimitFilter extends OncePerRequestFilter {

    private final Semaphore readers;
    private final HttpEdgeProperties properties;
    private final ProblemResponses problems;

    public BodyReadLimitFilter(HttpEdgeProperties properties, ProblemResponses problems) {
        this.readers = new Semaphore(properties.getMaxBodyReaders());
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!UnreadBodies.hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!readers.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, properties.retryAfterSeconds());
            UnreadBodies.closeAfterRefusal(request, response);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "SERVER_BUSY", "Server busy",
                    "too many requests are sending a body at this moment; nothing was changed: try again shortly");
            return;
        }
        Place place = new Place(readers);
        try {
            chain.doFilter(new BodyReading(request, place), response);
        } finally {
            place.release();
        }
    }

    private static final class Place {

        private final Semaphore readers;
        private final AtomicBoolean held = new AtomicBoolean(true);

        Place(Semaphore readers) {
            this.readers = readers;
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                readers.release();
            }
        }
    }

    private static final class BodyReading extends HttpServletRequestWrapper {

        private final Place place;
        private ServletInputStream body;

        BodyReading(HttpServletRequest request, Place place) {
            super(request);
            this.place = place;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new ReleasingAtEnd(super.getInputStream(), place);
            }
            return body;
        }
    }

    private static final class ReleasingAtEnd extends ServletInputStream {

        private final ServletInputStream in;
        private final Place place;

        ReleasingAtEnd(ServletInputStream in, Place place) {
            this.in = in;
            this.place = place;
        }

        @Override
        public int read() throws IOException {
            return atEnd(in.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return atEnd(in.read(buffer, offset, length));
        }

        private int atEnd(int read) {
            if (read < 0 || in.isFinished()) {
                place.release();
            }
            return read;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
