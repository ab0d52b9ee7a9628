package com.complaintcase.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies of every endpoint are at most {@code complaints.http.max-body-size} bytes of valid UTF-8 (JSON's only
 * encoding). A larger declared length is refused with 413 before anything of the body is read; a body without a length
 * (chunked) once it goes past the limit while it is read. Bytes that are not UTF-8 (overlong forms, encoded surrogates,
 * stray continuation bytes) fail the read, answered as a malformed request. Runs before authentication, so that no one
 * gets a large body read.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyGuard {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyGuardFilter(
            @Value("${complaints.http.max-body-size:64KB}") DataSize maxBodySize, ProblemResponses problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new GuardFilter(maxBodySize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** The body went past the limit while it was read. */
    public static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super(tooLarge(limit));
        }
    }

    /** The body's bytes are not UTF-8. */
    public static final class NotUtf8 extends IOException {

        NotUtf8() {
            super("the request body is not valid UTF-8");
        }
    }

    private static String tooLarge(long limit) {
        return "the request body is larger than " + limit + " bytes; nothing was changed";
    }

    static final class GuardFilter extends OncePerRequestFilter {

        private final long limit;
        private final ProblemResponses problems;

        GuardFilter(long limit, ProblemResponses problems) {
            this.limit = limit;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                RefusalsByStatus refusal = RefusalsByStatus.PAYLOAD_TOO_LARGE;
                response.setHeader("Connection", "close");
                problems.write(response, refusal.httpStatus(), refusal.code(), refusal.title(), tooLarge(limit));
                return;
            }
            chain.doFilter(declared == 0 ? request : new Guarded(request, limit), response);
        }
    }

    private static final class Guarded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Guarded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Checked(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /** Counts the bytes read and decodes them as they pass, with a decoder that reports what is not UTF-8. */
    private static final class Checked extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(4096);
        private final CharBuffer decoded = CharBuffer.allocate(1024);
        private long count;

        Checked(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge(limit);
                }
                check(ByteBuffer.wrap(buffer, offset, n), false);
            } else if (n < 0) {
                check(ByteBuffer.allocate(0), true);
            }
            return n;
        }

        private void check(ByteBuffer bytes, boolean end) throws NotUtf8 {
            do {
                while (pending.hasRemaining() && bytes.hasRemaining()) {
                    pending.put(bytes.get());
                }
                pending.flip();
                boolean last = end && !bytes.hasRemaining();
                CoderResult result;
                do {
                    decoded.clear();
                    result = utf8.decode(pending, decoded, last);
                } while (result.isOverflow());
                if (result.isError() || (last && pending.hasRemaining())) {
                    throw new NotUtf8();
                }
                pending.compact();
            } while (bytes.hasRemaining());
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
    }
}
