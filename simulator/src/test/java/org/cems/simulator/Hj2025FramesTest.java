package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cems.simulator.RealPlantScenariosTest.at;
import static org.cems.simulator.ScenariosTest.SHANGHAI;
import static org.cems.simulator.ScenariosTest.START;
import static org.cems.simulator.ScenariosTest.TICK;
import static org.cems.simulator.ScenariosTest.U1_STACK;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cems.core.keys.Sm4KeyFile;
import org.cems.core.registry.Registry;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Hj212PacketKind;
import org.cems.hj212.RejectReason;
import org.cems.hj212.Sm4KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 item 5: the simulator speaks HJ 212-2025, with and without SM4, and the codec reads it back. */
class Hj2025FramesTest {
    /** The GB/T 32907-2016 Appendix A example key. */
    static final String KEY_HEX = "0123456789abcdeffedcba9876543210";

    final Registry registry = RegistryFileTest.demoRegistry();
    final PlantModel model = new PlantModel(registry, 7);
    final MonitoringPoint stack = model.point(U1_STACK);
    final byte[] key = HexFormat.of().parseHex(KEY_HEX);

    List<Upload> sent(long tick, String... specs) {
        return Scenarios.place(
                        List.of(specs).stream().map(ScenarioSpec::parse).toList(),
                        Optional.empty(),
                        model,
                        registry,
                        START,
                        TICK)
                .uploadsAt(stack, tick);
    }

    static List<DecodeResult> decode(byte[] payload, Map<String, byte[]> keys) {
        return Hj212Decoder.builder().sm4Keys(Sm4KeyRing.of(keys)).build().decode(payload);
    }

    static List<Hj212Packet> packets(List<DecodeResult> results) {
        return results.stream().map(r -> ((DecodeResult.Decoded) r).packet()).toList();
    }

    @Test
    void plain2025FramesDecodeToWhat2017FramesSay() {
        List<Upload> uploads = sent(START);
        byte[] y2017 = new Hj212PayloadEncoder(SHANGHAI).encode(stack.source(), uploads);
        byte[] y2025 =
                new Hj212PayloadEncoder(SHANGHAI, Hj212Edition.HJ212_2025, Map.of()).encode(stack.source(), uploads);

        assertThat(new String(y2025, StandardCharsets.US_ASCII)).contains(";Flag=8;CP=&&DataTime=20261126100000;");
        Hj212Packet p17 = packets(decode(y2017, Map.of())).get(0);
        Hj212Packet p25 = packets(decode(y2025, Map.of())).get(0);
        assertThat(p25.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(p25.kind()).isEqualTo(Hj212PacketKind.DATA_UPLOAD);
        assertThat(p25.items()).isEqualTo(p17.items());
    }

    @Test
    void sm4EncryptedFramesDecodeWithTheKeyOnly() {
        List<Upload> uploads = sent(START);
        byte[] encrypted = new Hj212PayloadEncoder(SHANGHAI, Hj212Edition.HJ212_2025, Map.of(U1_STACK, key))
                .encode(stack.source(), uploads);
        byte[] plain =
                new Hj212PayloadEncoder(SHANGHAI, Hj212Edition.HJ212_2025, Map.of()).encode(stack.source(), uploads);

        String text = new String(encrypted, StandardCharsets.US_ASCII);
        assertThat(text).doesNotContain("DataTime").containsPattern("CP=&&[0-9A-F]{32,}&&");
        List<DecodeResult> withKey = decode(encrypted, Map.of(U1_STACK, key));
        assertThat(((DecodeResult.Decoded) withKey.get(0)).decrypted()).isTrue();
        assertThat(packets(withKey).get(0).items())
                .isEqualTo(packets(decode(plain, Map.of())).get(0).items());
        assertThat(decode(encrypted, Map.of()))
                .singleElement()
                .satisfies(r -> assertThat(((DecodeResult.Rejected) r).reason()).isEqualTo(RejectReason.NO_KEY));
    }

    @Test
    void facilityPowerScenarioSendsSt44AndDropsTheTreatmentFacilities() {
        Hj212PayloadEncoder y2025 = new Hj212PayloadEncoder(SHANGHAI, Hj212Edition.HJ212_2025, Map.of(U1_STACK, key));
        Hj212Packet before = power(y2025, at(26, 10, 9));
        Hj212Packet during = power(y2025, at(26, 10, 10));
        Hj212Packet last = power(y2025, at(26, 10, 39));
        Hj212Packet after = power(y2025, at(26, 10, 40));

        assertThat(during.kind()).isEqualTo(Hj212PacketKind.FACILITY_POWER);
        assertThat(during.st()).contains("44");
        assertThat(before.items().keySet()).containsExactly("d20101", "d30101", "d30102");
        assertThat(List.of(before, during, last, after))
                .extracting(p -> p.item("d20101").orElseThrow().value("Rtd").orElseThrow() + "/"
                        + p.item("d30101").orElseThrow().value("Rtd").orElseThrow())
                .containsExactly("850/420", "850/0", "850/0", "850/420");
    }

    @Test
    void productionConditionsScenarioSendsSt45Marks() {
        Hj212PayloadEncoder y2025 = new Hj212PayloadEncoder(SHANGHAI, Hj212Edition.HJ212_2025, Map.of());
        List<Hj212Packet> at10 = packets(decode(
                y2025.encode(stack.source(), sent(at(26, 10, 10), "production-conditions@10m")), Map.of()));
        List<Hj212Packet> at40 = packets(decode(
                y2025.encode(stack.source(), sent(at(26, 10, 40), "production-conditions@10m")), Map.of()));
        assertThat(at10.get(1).kind()).isEqualTo(Hj212PacketKind.PRODUCTION_CONDITION);
        assertThat(at10.get(1).item("p99101").orElseThrow().value("Rtd")).contains("St");
        assertThat(at40.get(1).item("p99101").orElseThrow().value("Rtd")).contains("N");
    }

    @Test
    void optionsAndKeyFile(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("sm4.keys");
        Files.writeString(keys, "# data loggers\n" + U1_STACK + "=" + KEY_HEX + "\n\n");
        SimulatorOptions o = SimulatorOptions.parse(new String[] {
            "--stdout",
            "--format",
            "hj212",
            "--edition",
            "2025",
            "--sm4-keys",
            keys.toString(),
            "--scenario",
            "facility-power"
        });
        assertThat(o.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(Sm4KeyFile.read(o.sm4Keys().orElseThrow())).containsOnlyKeys(U1_STACK);
        assertThat(SimulatorOptions.parse(new String[] {"--stdout"}).edition()).isEqualTo(Hj212Edition.HJ212_2017);

        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--stdout", "--sm4-keys", keys.toString()}))
                .hasMessageContaining("add --edition 2025");
        assertThatThrownBy(() -> SimulatorOptions.parse(
                        new String[] {"--stdout", "--edition", "2025", "--scenario", "facility-power"}))
                .hasMessageContaining("add --format hj212 --edition 2025");
        Files.writeString(keys, U1_STACK + "=0123456789abcdef\n");
        assertThatThrownBy(() -> Sm4KeyFile.read(keys))
                .hasMessageContaining("is not 32 hex digits")
                .hasMessageNotContaining("0123456789abcdef");
    }

    private Hj212Packet power(Hj212PayloadEncoder encoder, long tick) {
        List<Hj212Packet> packets = packets(
                decode(encoder.encode(stack.source(), sent(tick, "facility-power@10m")), Map.of(U1_STACK, key)));
        return packets.get(packets.size() - 1);
    }
}
