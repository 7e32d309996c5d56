package io.meridian.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnection delays: exponential growth capped at a maximum, with "equal jitter" (half fixed, half random) so
 * that many consoles losing one backend do not come back in lock step.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The standard console policy: 250 ms doubling to 10 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), RandomGenerator.getDefault());
    }

    /** Delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
        long ceiling = initial.toMillis();
        for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
