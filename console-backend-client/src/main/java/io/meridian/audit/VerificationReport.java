package io.meridian.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a verification found: a count per tamper class, the findings themselves up to a bound (a log rewritten
 * wholesale must not exhaust memory listing itself), and how many entries and checkpoints were checked.
 */
public final class VerificationReport {
    public static final int MAX_LISTED_FINDINGS = 10_000;

    private final Map<TamperClass, Long> counts = new EnumMap<>(TamperClass.class);
    private final List<Finding> findings = new ArrayList<>();
    private long entriesChecked;
    private int checkpointsVerified;
    private String origin;
    private Checkpoint currentCheckpoint;

    synchronized void add(Finding finding) {
        counts.merge(finding.tamperClass(), 1L, Long::sum);
        if (findings.size() < MAX_LISTED_FINDINGS) {
            findings.add(finding);
        }
    }

    /**
     * Records a failure; public for verifiers outside this package that check more than a {@link ChainVerifier}
     * does (the console ties a range read from a backend to a checkpoint).
     */
    public void add(TamperClass tamperClass, long entryIndex, String message) {
        add(new Finding(tamperClass, entryIndex, message));
    }

    synchronized void entriesChecked(long count) {
        entriesChecked += count;
    }

    synchronized void checkpointVerified() {
        checkpointsVerified++;
    }

    synchronized void describe(String origin, Checkpoint currentCheckpoint) {
        this.origin = origin;
        this.currentCheckpoint = currentCheckpoint;
    }

    /** The log the verified bundle claims to be from, or null when the input was unusable. */
    public synchronized String origin() {
        return origin;
    }

    /** The checkpoint the entries were proved against, or null when it did not verify or the input was unusable. */
    public synchronized Checkpoint currentCheckpoint() {
        return currentCheckpoint;
    }

    public synchronized boolean verified() {
        return counts.isEmpty();
    }

    /** True when the input could not be used at all (exit code 2 of verify-bundle). */
    public synchronized boolean unusable() {
        return counts.containsKey(TamperClass.MALFORMED_INPUT);
    }

    public synchronized boolean has(TamperClass tamperClass) {
        return counts.containsKey(tamperClass);
    }

    public synchronized Map<TamperClass, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /**
     * Findings ordered by entry index (those about no single entry first), then class, at most
     * {@link #MAX_LISTED_FINDINGS}: when there are more, the ones found first are kept.
     */
    public synchronized List<Finding> findings() {
        var sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingLong(Finding::entryIndex).thenComparing(Finding::tamperClass));
        return List.copyOf(sorted);
    }

    public synchronized long totalFindings() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long entriesChecked() {
        return entriesChecked;
    }

    public synchronized int checkpointsVerified() {
        return checkpointsVerified;
    }
}
