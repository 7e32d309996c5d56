package io.meridian.postgres.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {
    @Test
    void firstMatchingLineWinsWithWildcardsAndEscapes(@TempDir Path dir) throws Exception {
        var file = dir.resolve(".pgpass");
        Files.writeString(file, """
                # comment
                db1:5432:postgres:monitor:first
                *:5433:*:monitor:pa\\:ss\\\\word
                *:*:*:monitor:fallback
                """);
        assertThat(PgPass.lookup(file, "db1", 5432, "postgres", "monitor")).contains("first");
        assertThat(PgPass.lookup(file, "db2", 5433, "app", "monitor")).contains("pa:ss\\word");
        assertThat(PgPass.lookup(file, "db2", 5434, "app", "monitor")).contains("fallback");
        assertThat(PgPass.lookup(file, "db2", 5434, "app", "action")).isEmpty();
    }
}
