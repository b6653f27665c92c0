package org.cems.job.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.SplitPart;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Split HJ 212 uploads whose parts come in separate messages, as the TCP gateway publishes them. */
class SplitUploadsTest {
    static final String MN = "TESTMN000000000000000001";
    static final long TIMEOUT = 60_000L;

    private final PayloadDecoder decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);
    private KeyedOneInputStreamOperatorTestHarness<String, SplitPart, SourceReading> harness;

    @BeforeEach
    void open() throws Exception {
        Registry registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SplitUploads(
                        registry,
                        "Asia/Shanghai",
                        TIMEOUT,
                        new ReadingChecks(
                                Long.MAX_VALUE / 2,
                                true)) /* the harness's clock is in 1970: nothing is ahead of it here */),
                p -> p.mn,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    SplitPart part(int pno, int pnum, String minute, String code, double value) {
        byte[] frame = Hj212Encoder.encode(Hj212Packet.builder()
                .qn("2026112610" + minute + "0000" + pno)
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn(MN)
                .split(pnum, pno)
                .flag(Hj212Edition.HJ212_2017, true)
                .dataTime(LocalDateTime.parse("2026-11-26T10:" + minute + ":00"))
                .item(code, "Rtd", String.valueOf(value))
                .item(code, "Flag", "N")
                .build());
        SplitPart p = decoder.decode(frame).splitParts().get(0);
        p.origin = "kafka:cems.readings/0@" + pno;
        return p;
    }

    List<String> deadLetterReasons() {
        var side = harness.getSideOutput(DecodePayloads.DEAD_LETTERS);
        return side == null
                ? List.of()
                : side.stream().map(r -> ((DeadLetter) r.getValue()).reason).toList();
    }

    @Test
    void partsInSeparateMessagesJoinIntoOneReading() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(part(2, 2, "15", "a19001", 6.0), 0);
        harness.processElement(part(1, 2, "15", "a21026", 30.0), 0);
        List<SourceReading> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).source).isEqualTo("u1-stack");
        assertThat(out.get(0).reported.get("a21026").value).isEqualTo(30.0);
        assertThat(out.get(0).reported.get("a19001").value).isEqualTo(6.0);
        assertThat(out.get(0).origin).isEqualTo("kafka:cems.readings/0@1");
        assertThat(deadLetterReasons()).isEmpty();
    }

    @Test
    void aRetransmittedPartCountsOnce_andAnIncompleteUploadExpires() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(part(1, 3, "16", "a21026", 30.0), 0);
        harness.processElement(part(1, 3, "16", "a21026", 30.0), 0);
        harness.processElement(part(2, 3, "16", "a19001", 6.0), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(TIMEOUT);
        assertThat(deadLetterReasons()).containsExactly("incomplete_split");
        DeadLetter d = (DeadLetter)
                harness.getSideOutput(DecodePayloads.DEAD_LETTERS).peek().getValue();
        assertThat(d.detail).startsWith("2 of 3 parts");
        assertThat(d.payload).contains("PNO=1").contains("PNO=2");
    }
}
