package io.meridian.postgres.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * When a server's WAL position reached each value, as sampled: turns a standby's replay position into the age of
 * the oldest change it has not replayed. This is a lag in time that stays true when the link is idle (caught up:
 * zero) and when the standby has stopped (it keeps growing), unlike {@code now() - pg_last_xact_replay_timestamp()}
 * or a frozen {@code replay_lag}.
 */
final class LsnHistory {
    private record Point(Instant at, long lsn) {}

    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private final Duration retention;

    LsnHistory(Duration retention) {
        this.retention = retention;
    }

    synchronized void add(Instant at, long lsn) {
        if (lsn < 0) {
            return;
        }
        var last = points.peekLast();
        if (last != null && last.lsn() >= lsn) {
            return;
        }
        points.addLast(new Point(at, lsn));
        while (points.size() > 2 && points.peekFirst().at().isBefore(at.minus(retention))) {
            points.removeFirst();
        }
    }

    /**
     * How long ago the source first held WAL beyond {@code replayed}: zero when it never did (caught up), at least
     * the retained history when it did before that.
     */
    synchronized Duration unreplayedAge(long replayed, Instant now) {
        for (var point : points) {
            if (point.lsn() > replayed) {
                var age = Duration.between(point.at(), now);
                return age.isNegative() ? Duration.ZERO : age;
            }
        }
        return Duration.ZERO;
    }
}
