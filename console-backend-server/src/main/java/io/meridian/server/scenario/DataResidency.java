package io.meridian.server.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The data-residency rule of docs/scenarios.md: data carries the residency-bound jurisdiction labels of its home
 * region, and may only be copied to regions that list all of them. Other labels are descriptive and bind nothing.
 */
public final class DataResidency {
    /** Labels that keep data inside the regions that list them (exact, case-sensitive strings). */
    public static final Set<String> BOUND_LABELS = Set.of("GDPR", "CSL/PIPL", "PDP", "APPI", "RBI");

    private DataResidency() {
    }

    /**
     * The residency-bound labels of the home region that the target region lacks, in the home region's order;
     * empty when data homed in the first may be copied to the second.
     */
    public static List<String> missingLabels(Collection<String> homeJurisdictions,
                                             Collection<String> targetJurisdictions) {
        return homeJurisdictions.stream()
                .filter(BOUND_LABELS::contains)
                .filter(label -> !targetJurisdictions.contains(label))
                .distinct()
                .toList();
    }
}
