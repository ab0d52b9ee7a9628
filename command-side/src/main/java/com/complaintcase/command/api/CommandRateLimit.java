package com.complaintcase.command.api;

import com.complaintcase.platform.edge.HttpEdgeProperties;
import com.complaintcase.platform.edge.UnreadBodies;
import com.complaintcase.platform.problem.ProblemResponses;
import com.complaintcase.platform.security.CurrentActor;
import com.complaintcase.values.Actor;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optional per-user limit on commands ({@code complaints.http.rate-limit.commands-per-second}, off when 0): a token
 * bucket per user, refilled at that rate up to {@code burst}. A command beyond it is refused 429
 * {@code TOO_MANY_REQUESTS} with Retry-After, before its body is read or anything is done.
 */
@Component
class CommandRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    /** The command paths the limit applies to. */
    static final String[] PATHS = {"/api/complaints/**", "/api/customers/**"};
    static final String CODE = "TOO_MANY_REQUESTS";

    private final HttpEdgeProperties.RateLimit limit;
    private final ProblemResponses problems;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CommandRateLimit(HttpEdgeProperties properties, ProblemResponses problems, Clock clock) {
        this.limit = properties.getRateLimit();
        this.problems = problems;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (limit.enabled()) {
            registry.addInterceptor(this).addPathPatterns(PATHS);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null) {
            return true;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(actor.userId(), user -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long waitSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
        UnreadBodies.closeAfterRefusal(request, response);
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, CODE, "Too many requests",
                "more than " + limit.getCommandsPerSecond() + " commands per second from " + actor.userId()
                        + "; nothing was changed: try again in " + waitSeconds + " s");
        return false;
    }

    private Bucket newBucket() {
        Duration perToken = Duration.ofNanos((long) (1_000_000_000L / limit.getCommandsPerSecond()));
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(1, perToken))
                .withCustomTimePrecision(time)
                .build();
    }
}
