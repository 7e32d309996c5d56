package io.meridian.console.tasks;

import io.meridian.client.BackendException;
import javafx.application.Platform;

/**
 * {@link Background} on virtual threads, one per call (calls are rare: a click, a refresh), with the outcome
 * delivered through {@link Platform#runLater}. A bug in a call (an unchecked exception) reaches the outcome as a
 * failure with its message, so the user sees what went wrong instead of a button that never comes back.
 */
public final class FxBackground implements Background {
    @Override
    public <T> void run(Call<T> call, Outcome<T> outcome) {
        Thread.ofVirtual().name("backend-call").start(() -> {
            try {
                T value = call.run();
                Platform.runLater(() -> outcome.succeeded(value));
            } catch (BackendException e) {
                Platform.runLater(() -> outcome.failed(e));
            } catch (RuntimeException e) {
                var failure = new BackendException(BackendException.Kind.FAILED,
                        "the console failed while talking to the backend: " + e, e);
                Platform.runLater(() -> outcome.failed(failure));
            }
        });
    }
}
