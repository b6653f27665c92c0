package org.cems.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterMessageTest {
    private static final Instant AT = Instant.parse("2026-11-26T02:15:00Z");

    @Test
    void writesTheFieldsReadmeNamesAndIsKeyedByReason() {
        DeadLetterMessage d = new DeadLetterMessage(
                DeadLetterReason.BAD_CRC,
                "CRC 1234 expected 4321",
                "tcp:10.0.0.7:50123",
                AT,
                "MN1",
                "##0010QN=1;ST=32",
                200,
                true);
        assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo("bad_crc");
        assertThat(new String(d.json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"reason\":\"bad_crc\",\"detail\":\"CRC 1234 expected 4321\","
                        + "\"origin\":\"tcp:10.0.0.7:50123\",\"received_time\":\"2026-11-26T02:15:00Z\",\"mn\":\"MN1\","
                        + "\"payload\":\"##0010QN=1;ST=32\",\"payload_bytes\":200,\"payload_truncated\":true}");
    }

    @Test
    void aWholePayloadHasItsUtf8SizeAndNeitherMnNorTruncation() {
        // 26 ASCII characters and "排放", 2 characters of 3 bytes each in UTF-8: 32 bytes
        DeadLetterMessage d = DeadLetterMessage.whole(
                DeadLetterReason.INFLUXDB_REJECTED,
                "field type conflict",
                "influxdb",
                AT,
                "emission,source=排放 mass_kg=1");
        assertThat(d.payloadBytes()).isEqualTo(32);
        assertThat(new String(d.json(), StandardCharsets.UTF_8))
                .doesNotContain("\"mn\"", "payload_truncated")
                .contains("\"reason\":\"influxdb_rejected\"", "\"payload_bytes\":32");
    }
}
