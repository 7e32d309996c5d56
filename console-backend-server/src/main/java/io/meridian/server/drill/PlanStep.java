package io.meridian.server.drill;

import io.meridian.server.platform.DrillFault;
import java.time.Duration;
import java.util.Objects;

/** One step of a drill's plan, built in or read from a runbook. Every plan ends with exactly one {@link Cleanup}. */
sealed interface PlanStep {
    String id();

    String title();

    /** A person does something outside Meridian and confirms it; {@code confirmBy} is an identity or a role label. */
    record Manual(String id, String title, String instruction, String confirmBy) implements PlanStep {
        public Manual {
            Objects.requireNonNull(confirmBy, "confirmBy");
        }
    }

    /** Injects a fault; it lasts {@code lastsFor} of platform time, or until cleanup when null. */
    record Inject(String id, String title, DrillFault fault, Duration lastsFor) implements PlanStep {
        public Inject {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** Waits for an outcome; fails when it does not come within {@code within} (platform time from the fault). */
    record Expect(String id, String title, Outcome outcome, Duration within) implements PlanStep {
        public Expect {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Lifts every fault the drill injected and waits for the platform to settle; then a person may comment. */
    record Cleanup(String id, String title, String instruction) implements PlanStep {}

    /** What an expect step waits for. */
    enum Outcome {
        DETECTED("detected", "Failure detected"),
        DECIDED("decided", "Failovers decided"),
        RECOVERED("recovered", "Service recovered"),
        CONSISTENT("consistent", "Consistency checked");

        private final String word;
        private final String title;

        Outcome(String word, String title) {
            this.word = word;
            this.title = title;
        }

        /** A short title for a built-in step. */
        String title() {
            return title;
        }

        String word() {
            return word;
        }
    }
}
