package io.meridian.console.drill;

import io.meridian.client.BackendException;
import io.meridian.model.drill.Drill;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a drill's report to files: JSON for tools, PDF for paper. It runs through the same {@link
 * io.meridian.console.tasks.Background} as backend calls, so a file that cannot be written reaches the user as a
 * failure with its reason, like a refused call.
 */
public final class DrillExports {
    public Path json(Drill drill, Path file) throws BackendException {
        try {
            DrillReportJson.write(drill, file);
            return file;
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    public Path pdf(Drill drill, Path file) throws BackendException {
        try {
            DrillReportPdf.write(drill, file);
            return file;
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    private static BackendException failed(Path file, IOException e) {
        return new BackendException(BackendException.Kind.FAILED, "could not write " + file + ": "
                + e.getMessage(), e);
    }
}
