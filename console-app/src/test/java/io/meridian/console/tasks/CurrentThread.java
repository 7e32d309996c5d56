package io.meridian.console.tasks;

import io.meridian.client.BackendException;

/** {@link Background} for view-model tests: runs the call and its outcome at once, on the calling thread. */
public final class CurrentThread implements Background {
    @Override
    public <T> void run(Call<T> call, Outcome<T> outcome) {
        T value;
        try {
            value = call.run();
        } catch (BackendException e) {
            outcome.failed(e);
            return;
        }
        outcome.succeeded(value);
    }
}
