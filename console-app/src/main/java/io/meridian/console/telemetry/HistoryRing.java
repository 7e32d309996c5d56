package io.meridian.console.telemetry;

/**
 * A bounded history of one telemetry key at one point per second: the newest point within a second replaces the
 * older one, a point older than the last is dropped (a resumed stream never duplicates), and past the capacity the
 * oldest point goes. Each point holds a fixed number of channels (lag and breaker, D and p-value, ...). Not
 * thread-safe: its owner guards it.
 */
final class HistoryRing {
    private final int capacity;
    private final int channels;
    private long[] times = new long[16];
    private double[][] values;
    private int start;
    private int size;

    HistoryRing(int capacity, int channels) {
        if (capacity < 1 || channels < 1) {
            throw new IllegalArgumentException("capacity and channels must be positive");
        }
        this.capacity = capacity;
        this.channels = channels;
        values = new double[channels][16];
    }

    /** Adds a point observed at {@code epochMillis}; returns false when it was older than the last one. */
    boolean add(long epochMillis, double... point) {
        if (point.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " channels, got " + point.length);
        }
        if (size > 0) {
            int last = index(size - 1);
            if (epochMillis < times[last]) {
                return false;
            }
            if (epochMillis / 1000 == times[last] / 1000) {
                write(last, epochMillis, point);
                return true;
            }
        }
        if (size == times.length && size < capacity) {
            grow();
        }
        if (size == capacity) {
            start = (start + 1) % times.length;
            size--;
        }
        write(index(size), epochMillis, point);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** Points observed after {@code afterMillis}, oldest first. */
    Points since(long afterMillis) {
        int from = 0;
        while (from < size && times[index(from)] <= afterMillis) {
            from++;
        }
        int n = size - from;
        var t = new long[n];
        var v = new double[channels][n];
        for (int i = 0; i < n; i++) {
            int at = index(from + i);
            t[i] = times[at];
            for (int c = 0; c < channels; c++) {
                v[c][i] = values[c][at];
            }
        }
        return new Points(t, v);
    }

    private void write(int at, long epochMillis, double[] point) {
        times[at] = epochMillis;
        for (int c = 0; c < channels; c++) {
            values[c][at] = point[c];
        }
    }

    private int index(int i) {
        return (start + i) % times.length;
    }

    private void grow() {
        int length = Math.min(capacity, times.length * 2);
        var t = new long[length];
        var v = new double[channels][length];
        for (int i = 0; i < size; i++) {
            t[i] = times[index(i)];
            for (int c = 0; c < channels; c++) {
                v[c][i] = values[c][index(i)];
            }
        }
        times = t;
        values = v;
        start = 0;
    }

    /** A copy of some points: {@code times[i]} in epoch milliseconds, {@code values[channel][i]}. */
    record Points(long[] times, double[][] values) {
        static final Points EMPTY = new Points(new long[0], new double[0][0]);

        boolean isEmpty() {
            return times.length == 0;
        }

        long lastTime() {
            return times[times.length - 1];
        }
    }
}
