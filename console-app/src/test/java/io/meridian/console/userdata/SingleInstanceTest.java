package io.meridian.console.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path state;

    @Test
    void aSecondInstanceBringsTheFirstToTheFront() throws Exception {
        var focused = new CountDownLatch(1);
        try (var first = SingleInstance.acquire(state, focused::countDown)) {
            assertThatThrownBy(() -> SingleInstance.acquire(state, () -> { }))
                    .isInstanceOfSatisfying(SingleInstance.AlreadyRunning.class, e -> {
                        assertThat(e.focused()).isTrue();
                        assertThat(e.getMessage()).contains("process " + ProcessHandle.current().pid(),
                                "brought to the front");
                    });
            assertThat(focused.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theLockIsFreeAgainAfterClose() throws Exception {
        SingleInstance.acquire(state, () -> { }).close();
        try (var again = SingleInstance.acquire(state, () -> { })) {
            assertThat(state.resolve(SingleInstance.INSTANCE)).exists();
        }
        assertThat(state.resolve(SingleInstance.INSTANCE)).doesNotExist();
    }
}
