package com.complaintcase.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and bcrypt costs tens of milliseconds on
 * purpose. This remembers a successful check for a short time, keyed by a SHA-256 of the credentials
 * (the password itself is never kept), so that only the first request of a client pays for bcrypt. Requests that
 * arrive with the same credentials while they are being checked wait for that check instead of each running bcrypt
 * (measured: 16 clients starting at once spent several seconds of CPU on 16 checks of the same password).
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();
    /** Checks under way, by key: at most one per credentials, removed once answered. */
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    private record Cached(Authentication authentication, Instant expiresAt) {
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName(), password);
        Instant now = clock.instant();
        Cached cached = verified.get(key);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.authentication();
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return answerOf(running);
        }
        try {
            Cached answered = verified.get(key);
            Authentication result = answered != null && answered.expiresAt().isAfter(now)
                    ? answered.authentication() : delegate.authenticate(authentication);
            remember(key, result, now);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private void remember(String key, Authentication result, Instant now) {
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Cached(result, now.plus(ttl)));
        }
    }

    private static Authentication answerOf(CompletableFuture<Authentication> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
