package io.meridian.client;

import io.meridian.model.drill.Drill;

/** A watch of one drill; closes itself after the drill's final report. */
public interface DrillWatch extends AutoCloseable {
    /** Called on a background thread. */
    interface Listener {
        /** The drill as it is now; {@code last} when it ended and nothing more will come. */
        void onDrill(Drill drill, boolean last);

        void onStatus(StreamStatus status);
    }

    @Override
    void close();
}
