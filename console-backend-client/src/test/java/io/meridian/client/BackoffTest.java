package io.meridian.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(1000);

    /** A generator that always draws the same end of the range, so the ceiling itself becomes visible. */
    private static RandomGenerator always(boolean top) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("Backoff should draw a bounded value");
            }

            @Override
            public long nextLong(long bound) {
                return top ? bound - 1 : 0;
            }
        };
    }

    private static long ceiling(int attempt) {
        long ceiling = INITIAL.toMillis();
        for (int i = 1; i < attempt && ceiling < MAX.toMillis(); i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, MAX.toMillis());
    }

    @Test
    void ceilingDoublesPerAttemptAndStopsAtMax() {
        var backoff = new Backoff(INITIAL, MAX, always(true));
        var delays = new ArrayList<Long>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(backoff.delay(attempt).toMillis());
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L);
    }

    @Test
    void lowestDelayIsHalfTheCeiling() {
        var backoff = new Backoff(INITIAL, MAX, always(false));
        var delays = new ArrayList<Long>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            delays.add(backoff.delay(attempt).toMillis());
        }
        assertThat(delays).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void hugeAttemptNumbersStayAtTheCapWithoutOverflow() {
        var backoff = new Backoff(INITIAL, MAX, always(true));
        assertThat(backoff.delay(64).toMillis()).isEqualTo(1000);
        assertThat(backoff.delay(Integer.MAX_VALUE).toMillis()).isEqualTo(1000);
    }

    @Test
    void jitterStaysWithinHalfCeilingAndCeilingAndCoversTheRange() {
        var backoff = new Backoff(INITIAL, MAX, new SplittableRandom(20260125L));
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = ceiling(attempt);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < 2_000; i++) {
                long delay = backoff.delay(attempt).toMillis();
                assertThat(delay).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            // Really jittered: both ends of the range are reached closely, not a fixed value.
            assertThat(min).as("lowest delay of attempt %d", attempt).isLessThanOrEqualTo(ceiling / 2 + ceiling / 20);
            assertThat(max).as("highest delay of attempt %d", attempt).isGreaterThanOrEqualTo(ceiling - ceiling / 20);
        }
    }

    @Test
    void sameSeedGivesSameDelays() {
        var a = new Backoff(INITIAL, MAX, new SplittableRandom(7));
        var b = new Backoff(INITIAL, MAX, new SplittableRandom(7));
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        for (int attempt = 1; attempt <= 50; attempt++) {
            first.add(a.delay(attempt));
            second.add(b.delay(attempt));
        }
        assertThat(first).isEqualTo(second);
    }

    @Test
    void standardPolicyStartsAtQuarterSecondAndCapsAtTenSeconds() {
        var backoff = Backoff.standard();
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
            assertThat(backoff.delay(100)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    @Test
    void attemptBelowOneIsRefused() {
        var backoff = new Backoff(INITIAL, MAX, new SplittableRandom(1));
        assertThatThrownBy(() -> backoff.delay(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> backoff.delay(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> backoff.delay(Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inconsistentBoundsAreRefused() {
        var random = new SplittableRandom(1);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), MAX, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initialEqualToMaxGivesAFlatPolicy() {
        var backoff = new Backoff(MAX, MAX, always(true));
        assertThat(backoff.delay(1)).isEqualTo(MAX);
        assertThat(backoff.delay(5)).isEqualTo(MAX);
    }
}
