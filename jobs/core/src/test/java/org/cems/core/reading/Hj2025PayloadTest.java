package org.cems.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Sm4DataArea;
import org.cems.hj212.Sm4KeyRing;
import org.junit.jupiter.api.Test;

/** HJ 212-2025 frames arriving at the job directly (MQTT/Kafka): SM4 with the configured keys, heartbeats. */
class Hj2025PayloadTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MN = "MN2025A";
    private static final byte[] KEY = HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210");

    private static byte[] encryptedRealtime() {
        Hj212Packet p = Hj212Packet.builder()
                .qn("20260115103000123")
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn(MN)
                .flag(Hj212Edition.HJ212_2025, true)
                .dataTime(LocalDateTime.of(2026, 1, 15, 10, 30))
                .item("a21026", Hj212Item.RTD, "21.4")
                .item("a21026", Hj212Item.FLAG, "N")
                .build();
        return Hj212Encoder.encode(p, Sm4DataArea.hex(), KEY);
    }

    @Test
    void anEncryptedFrameDecodesWithTheMnsKey() {
        PayloadDecoder decoder = new PayloadDecoder(SHANGHAI, 1 << 20, Sm4KeyRing.of(Map.of(MN, KEY)));
        DecodedPayload d = decoder.decode(encryptedRealtime());
        assertThat(d.rejections()).isEmpty();
        assertThat(d.readings()).singleElement().satisfies(r -> {
            assertThat(r.mn).isEqualTo(MN);
            // 2026-01-15 10:30 in Shanghai (UTC+8) is 02:30 UTC
            assertThat(r.timeMillis)
                    .isEqualTo(java.time.Instant.parse("2026-01-15T02:30:00Z").toEpochMilli());
            assertThat(r.values.get("a21026").rtd).isEqualTo(21.4);
        });
    }

    @Test
    void withoutAKeyItIsNoKeyAndWithAWrongOneBadDecrypt() {
        assertThat(new PayloadDecoder(SHANGHAI, 1 << 20)
                        .decode(encryptedRealtime())
                        .rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(DeadLetterReason.NO_KEY));
        byte[] wrong = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
        assertThat(new PayloadDecoder(SHANGHAI, 1 << 20, mn -> Optional.of(wrong))
                        .decode(encryptedRealtime())
                        .rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(DeadLetterReason.BAD_DECRYPT));
    }

    @Test
    void aHeartbeatIsAStationEventAtItsQn() {
        Hj212Packet beat = Hj212Packet.builder()
                .qn("20260115103000250")
                .st("31")
                .cn("9015")
                .pw("123456")
                .mn(MN)
                .flag(Hj212Edition.HJ212_2025, true)
                .build();
        DecodedPayload d = new PayloadDecoder(SHANGHAI, 1 << 20).decode(Hj212Encoder.encode(beat));
        assertThat(d.rejections()).isEmpty();
        assertThat(d.station().events()).singleElement().satisfies(e -> {
            assertThat(e.cn).isEqualTo(StationUploads.CN_HEARTBEAT);
            // QN 2026-01-15 10:30:00.250 local = 02:30:00.250 UTC
            assertThat(e.timeMillis)
                    .isEqualTo(
                            java.time.Instant.parse("2026-01-15T02:30:00.250Z").toEpochMilli());
        });
    }
}
