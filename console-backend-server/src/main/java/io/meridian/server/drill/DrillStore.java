package io.meridian.server.drill;

import com.google.protobuf.InvalidProtocolBufferException;
import io.meridian.api.v1.DrillReport;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps each drill's report in a directory ({@code <id>.drill}, the DrillReport in protobuf encoding, replaced
 * atomically after every change), so a backend that restarts mid-drill can say what happened and lift what the
 * drill declared. A file that cannot be read is skipped and named in the log, never fatal to the start.
 */
final class DrillStore {
    private static final System.Logger LOG = System.getLogger(DrillStore.class.getName());
    private static final Pattern FILE = Pattern.compile("[0-9a-f-]{36}\\.drill");

    private final Path directory;

    DrillStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void save(DrillReport report) {
        var target = directory.resolve(report.getId() + ".drill");
        var temporary = directory.resolve(report.getId() + ".drill.tmp");
        try {
            Files.write(temporary, report.toByteArray());
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The drill goes on in memory; only its survival of a restart is lost, and the log says so.
            LOG.log(System.Logger.Level.ERROR, "could not keep drill " + report.getId() + " in " + directory, e);
        }
    }

    List<DrillReport> loadAll() throws IOException {
        var reports = new ArrayList<DrillReport>();
        try (var files = Files.list(directory)) {
            for (var file : files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).toList()) {
                try {
                    reports.add(DrillReport.parseFrom(Files.readAllBytes(file)));
                } catch (InvalidProtocolBufferException e) {
                    LOG.log(System.Logger.Level.ERROR, "skipping damaged drill record " + file + ": "
                            + e.getMessage());
                }
            }
        }
        return reports;
    }
}
