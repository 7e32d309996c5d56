package io.meridian.postgres.act;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnInfoTest {
    @Test
    void repointingKeepsEveryOtherSettingThroughQuotesAndEscapes() {
        var pairs = ConnInfo.parse("user=replicator password='it\\'s x' host=10.0.0.1 port = 5432 "
                + "application_name=dub1 sslmode=verify-full");
        assertThat(pairs).containsEntry("password", "it's x").containsEntry("host", "10.0.0.1")
                .containsEntry("port", "5432").containsEntry("sslmode", "verify-full");
        var quoted = ConnInfo.parse("password='a b\\'c' host=h");
        assertThat(quoted).containsEntry("password", "a b'c").containsEntry("host", "h");
        quoted.put("host", "10.0.0.2");
        var again = ConnInfo.parse(ConnInfo.format(quoted));
        assertThat(again).containsEntry("password", "a b'c").containsEntry("host", "10.0.0.2");
        assertThat(ConnInfo.literal("it's")).isEqualTo("'it''s'");
    }
}
