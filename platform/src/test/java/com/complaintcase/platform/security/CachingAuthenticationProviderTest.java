package com.complaintcase.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CachingAuthenticationProviderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    /** A password check that holds until released, counting how often it runs. */
    private static final class HeldCheck implements AuthenticationProvider {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        final boolean accepts;

        HeldCheck(boolean accepts) {
            this.accepts = accepts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            runs.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!accepts) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    @Test
    void requests_with_the_same_credentials_during_a_check_wait_for_its_answer_instead_of_checking_again() throws Exception {
        HeldCheck check = new HeldCheck(true);
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(check, Duration.ofMinutes(5), CLOCK);
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();

        Thread checking = attempt(provider, "intake1", "demo", first);
        check.entered.await();
        Thread waiting = attempt(provider, "intake1", "demo", second);
        awaitBlocked(waiting);
        check.release.countDown();
        checking.join();
        waiting.join();

        assertThat(check.runs).hasValue(1);
        assertThat(second.get()).isSameAs(first.get()).isInstanceOf(Authentication.class);
        assertThat(((Authentication) second.get()).isAuthenticated()).isTrue();
    }

    @Test
    void a_refused_check_refuses_the_requests_that_waited_for_it_and_is_not_remembered() throws Exception {
        HeldCheck check = new HeldCheck(false);
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(check, Duration.ofMinutes(5), CLOCK);
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();

        Thread checking = attempt(provider, "intake1", "wrong", first);
        check.entered.await();
        Thread waiting = attempt(provider, "intake1", "wrong", second);
        awaitBlocked(waiting);
        check.release.countDown();
        checking.join();
        waiting.join();

        assertThat(first.get()).isInstanceOf(BadCredentialsException.class);
        assertThat(second.get()).isInstanceOf(BadCredentialsException.class);
        AtomicReference<Object> later = new AtomicReference<>();
        attempt(provider, "intake1", "wrong", later).join();
        assertThat(later.get()).isInstanceOf(BadCredentialsException.class);
        assertThat(check.runs).hasValue(2);
    }

    private static Thread attempt(CachingAuthenticationProvider provider, String user, String password,
                                  AtomicReference<Object> outcome) {
        Thread thread = new Thread(() -> {
            try {
                outcome.set(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password)));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        thread.start();
        return thread;
    }

    /** Until the thread waits (for the check under way); it never runs the held check itself, so it cannot pass it. */
    private static void awaitBlocked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
    }
}
