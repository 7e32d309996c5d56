package io.meridian.console.tasks;

import io.meridian.client.BackendException;
import java.util.function.Consumer;

/**
 * Runs backend calls off the UI thread and hands their outcome back on it. View-models take one through their
 * constructor: the console passes {@link FxBackground}; view-model tests pass one that runs on the calling thread,
 * so they need neither a display nor a server.
 */
public interface Background {
    /** A blocking backend call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws BackendException;
    }

    /** What to do with the outcome, on the UI thread. */
    interface Outcome<T> {
        void succeeded(T value);

        void failed(BackendException failure);
    }

    <T> void run(Call<T> call, Outcome<T> outcome);

    /** An outcome from two lambdas. */
    static <T> Outcome<T> outcome(Consumer<T> succeeded,
                                  Consumer<BackendException> failed) {
        return new Outcome<>() {
            @Override
            public void succeeded(T value) {
                succeeded.accept(value);
            }

            @Override
            public void failed(BackendException failure) {
                failed.accept(failure);
            }
        };
    }
}
