package io.meridian.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code speed} times faster than its base from the moment it was made: the platform time of a
 * simulation rehearsed faster than real time (a 5-minute RTO drill in one minute at speed 5). Every timestamp the
 * backend gives (topology, telemetry, proposals, drills) is platform time; drill reports also state wall-clock
 * durations, so nobody mistakes one for the other.
 */
public final class ScaledClock extends Clock {
    /** Beyond this a tick of one second would be shorter than the scheduler's useful resolution. */
    public static final double MAX_SPEED = 60;

    private final Clock base;
    private final Instant origin;
    private final double speed;

    public ScaledClock(Clock base, double speed) {
        this(base, base.instant(), checked(speed));
    }

    private ScaledClock(Clock base, Instant origin, double speed) {
        this.base = base;
        this.origin = origin;
        this.speed = speed;
    }

    /** The real time one step of {@code platformTime} takes at {@code speed}. */
    static Duration realTime(Duration platformTime, double speed) {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(platformTime.toNanos() / checked(speed))));
    }

    static double checked(double speed) {
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be between 1 and " + (int) MAX_SPEED + ", was " + speed);
        }
        return speed;
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        if (speed == 1) {
            return base.instant();
        }
        long realNanos = Duration.between(origin, base.instant()).toNanos();
        return origin.plusNanos(Math.round(realNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), origin, speed);
    }
}
