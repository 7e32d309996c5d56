package io.meridian.console.audit;

import io.meridian.audit.Finding;

/**
 * One failure as the findings table shows it: the tamper class (its name, for reports and the attack corpus, and
 * what it means), the entry it concerns, and what was seen.
 */
public record FindingRow(String tamperClass, String meaning, String entry, String message) {
    static FindingRow of(Finding finding) {
        return new FindingRow(finding.tamperClass().name(), finding.tamperClass().description(),
                finding.entryIndex() == Finding.NO_ENTRY ? "–" : Formats.count(finding.entryIndex()),
                finding.message());
    }
}
