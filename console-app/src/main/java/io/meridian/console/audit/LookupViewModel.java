package io.meridian.console.audit;

import io.meridian.audit.AuditEntry;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.TrustedKeys;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Looking up a query id: the backend's entry for it, shown field by field, and its inclusion proof verified against
 * the latest checkpoint the console verified ({@link QueryLookup}). The call runs in the background; {@link #pulse}
 * shows the answer.
 */
public final class LookupViewModel {
    /** Where the last lookup stands. */
    public enum State { IDLE, RUNNING, VERIFIED, FAILED, NOT_FOUND, ERROR }

    /** One line of the entry as shown: a field's name and its value. */
    public record Field(String name, String value) {
    }

    private record Answer(State state, String text, List<Field> fields, String proof) {
    }

    private final AuditReader reader;
    private final TrustedKeys keys;
    private final Executor background;
    private Checkpoint checkpoint;
    private volatile Answer answer;

    // ---- Properties
    private final StringProperty queryIdText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper canLookUp = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proofText = new ReadOnlyStringWrapper("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);

    /** @param keys the pinned keys, or null: then nothing can be looked up with a verified answer */
    public LookupViewModel(AuditReader reader, TrustedKeys keys, Executor background) {
        this.reader = reader;
        this.keys = keys;
        this.background = background;
    }

    public StringProperty queryIdTextProperty() {
        return queryIdText;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True with pinned keys, a verified checkpoint, and no lookup running. */
    public ReadOnlyBooleanProperty canLookUpProperty() {
        return canLookUp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** The inclusion proof's hashes, one a line, from the leaf upwards. */
    public ReadOnlyStringProperty proofTextProperty() {
        return proofText.getReadOnlyProperty();
    }

    public ObservableList<Field> fields() {
        return fieldsView;
    }

    // ---- Commands

    /** Looks up the query id typed in. FX thread. */
    public void lookUp() {
        if (!canLookUp.get()) {
            return;
        }
        var queryId = queryIdText.get() == null ? "" : queryIdText.get().strip();
        if (queryId.isEmpty()) {
            show(new Answer(State.ERROR, "Type a query id to look up, e.g. one from an incident report.", List.of(),
                    ""));
            return;
        }
        if (queryId.getBytes(StandardCharsets.UTF_8).length > EntryCodec.MAX_QUERY_ID) {
            show(new Answer(State.ERROR, "A query id has at most " + EntryCodec.MAX_QUERY_ID + " bytes; this one is "
                    + "longer, so no entry can carry it.", List.of(), ""));
            return;
        }
        var against = checkpoint;
        answer = null;
        state.set(State.RUNNING);
        canLookUp.set(false);
        resultText.set("Looking up '" + queryId + "'…");
        fields.clear();
        proofText.set("");
        background.execute(() -> answer = ask(queryId, against));
    }

    /** Shows the answer once it is in. FX thread. */
    public void pulse(Instant now, Checkpoint verified) {
        checkpoint = verified;
        var done = answer;
        if (done != null) {
            answer = null;
            show(done);
        }
        canLookUp.set(keys != null && checkpoint != null && state.get() != State.RUNNING);
    }

    private Answer ask(String queryId, Checkpoint against) {
        try {
            var found = new QueryLookup(reader, keys).lookUp(queryId, against);
            if (found.isEmpty()) {
                return new Answer(State.NOT_FOUND, "No entry with query id '" + queryId + "' is in the log up to the "
                        + "latest verified checkpoint (" + Formats.checkpoint(against) + "). A query logged since is "
                        + "covered by the next checkpoint, signed every 30 s.", List.of(), "");
            }
            var result = found.get();
            var proof = result.proof().stream().map(h -> h.hex()).collect(Collectors.joining("\n"));
            if (result.verified()) {
                return new Answer(State.VERIFIED, "✔ Entry " + Formats.count(result.index()) + " is in the log: its "
                        + "signature verifies under a pinned key and its inclusion proof (" + result.proof().size()
                        + " hashes) leads to the checkpoint of " + Formats.checkpoint(against) + ".",
                        fields(result), proof);
            }
            return new Answer(State.FAILED, "✖ The backend's answer does not verify: " + result.findings().stream()
                    .map(f -> f.tamperClass() + " (" + f.message() + ")").collect(Collectors.joining("; ")),
                    fields(result), proof);
        } catch (BackendException e) {
            return new Answer(State.ERROR, "The backend did not answer the lookup: " + e.getMessage(), List.of(), "");
        } catch (RuntimeException e) {
            return new Answer(State.ERROR, "The lookup stopped on an unexpected error (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ").", List.of(), "");
        }
    }

    private static List<Field> fields(QueryLookup.Result result) {
        var rows = new ArrayList<Field>();
        rows.add(new Field("Entry", Formats.count(result.index())));
        AuditEntry e = result.entry();
        if (e != null) {
            rows.add(new Field("Query id", e.queryId()));
            rows.add(new Field("Action", words(e.action().name())));
            rows.add(new Field("Actor", e.actor()));
            rows.add(new Field("Trigger", e.triggeredBy().isEmpty() ? words(e.trigger().name())
                    : words(e.trigger().name()) + " · " + e.triggeredBy()));
            rows.add(new Field("Region", e.region()));
            rows.add(new Field("Time", Formats.DATE_TIME.format(Instant.EPOCH.plusNanos(e.timeMicros() * 1000))));
            rows.add(new Field("Outcome", words(e.outcome().name()) + (e.outcomeDetail().isEmpty() ? ""
                    : " · " + e.outcomeDetail())));
            rows.add(new Field("Signed by", e.signerKeyId()));
            rows.add(new Field("Log", e.origin()));
        }
        rows.add(new Field("Leaf hash", result.leafHash().hex()));
        return rows;
    }

    /** QUERY_EXECUTED as "query executed". */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void show(Answer a) {
        state.set(a.state());
        resultText.set(a.text());
        fields.setAll(a.fields());
        proofText.set(a.proof());
    }
}
