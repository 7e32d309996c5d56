package io.meridian.audit;

import java.util.ArrayList;
import java.util.Collections;
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

    synchronized void add(Finding finding) {
        counts.merge(finding.tamperClass(), 1L, Long::sum);
        if (findings.size() < MAX_LISTED_FINDINGS) {
            findings.add(finding);
        }
    }

    void add(TamperClass tamperClass, long entryIndex, String message) {
        add(new Finding(tamperClass, entryIndex, message));
    }

    synchronized void entriesChecked(long count) {
        entriesChecked += count;
    }

    synchronized void checkpointVerified() {
        checkpointsVerified++;
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

    /** Findings in the order found, at most {@link #MAX_LISTED_FINDINGS}. */
    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
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
