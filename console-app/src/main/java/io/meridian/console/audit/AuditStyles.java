package io.meridian.console.audit;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * The auditor view's states as CSS pseudo-classes (audit.css gives them colours), so that a state is styled in one
 * place and never by an inline style. Each state also carries a glyph or words: never colour alone.
 */
final class AuditStyles {
    static final PseudoClass UNTRUSTED = PseudoClass.getPseudoClass("untrusted");
    static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private AuditStyles() {
    }

    static void applyCheckpoint(Node node, AuditViewModel.CheckpointState state) {
        set(node, state == AuditViewModel.CheckpointState.VERIFIED, state == AuditViewModel.CheckpointState.NOT_PINNED
                || state == AuditViewModel.CheckpointState.UNAVAILABLE, state == AuditViewModel.CheckpointState.WAITING);
    }

    static void applyRange(Node node, RangeViewModel.State state) {
        set(node, state == RangeViewModel.State.PASSED, state == RangeViewModel.State.FAILED
                || state == RangeViewModel.State.ERROR, state == RangeViewModel.State.RUNNING
                || state == RangeViewModel.State.CANCELLED);
    }

    static void applyLookup(Node node, LookupViewModel.State state) {
        set(node, state == LookupViewModel.State.VERIFIED, state == LookupViewModel.State.FAILED
                || state == LookupViewModel.State.ERROR || state == LookupViewModel.State.NOT_FOUND,
                state == LookupViewModel.State.RUNNING);
    }

    private static void set(Node node, boolean good, boolean bad, boolean pending) {
        node.pseudoClassStateChanged(GOOD, good);
        node.pseudoClassStateChanged(BAD, bad);
        node.pseudoClassStateChanged(PENDING, pending);
    }
}
