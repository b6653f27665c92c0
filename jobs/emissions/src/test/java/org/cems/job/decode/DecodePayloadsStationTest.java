package org.cems.job.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.StationEvent;
import org.cems.core.registry.RegistryLoader;
import org.cems.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;

/** Station uploads leave the decoder on their side outputs; those of unknown MNs are dead letters. */
class DecodePayloadsStationTest {
    private static final String MN = "TESTMN000000000000000001";

    private static RawMessage frame(String mn, String cn, String cp) {
        String segment = "QN=20261126101500001;ST=31;CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=4;CP=&&" + cp + "&&";
        return new RawMessage(
                "kafka:cems.readings/0@1", Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8)), 0L);
    }

    @Test
    void aFacilityStatusFrameGoesToTheFacilityOutput() throws Exception {
        DecodePayloads decode = new DecodePayloads(
                RegistryLoader.load(
                        Path.of(getClass().getResource("/registry-test.yaml").toURI())),
                "Asia/Shanghai",
                1 << 20,
                ReadingChecks.defaults());
        try (OneInputStreamOperatorTestHarness<RawMessage, SourceReading> h =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(decode))) {
            h.open();
            h.processElement(frame(MN, "2021", "DataTime=20261126101500;SB1-RS=1;SB2-RS=0"), 0L);
            h.processElement(frame(MN, "3020", "DataTime=20261126101500;PolId=a21026;i12001-Info=0"), 0L);
            h.processElement(frame("NOSUCHMN", "2081", "RestartTime=20261126095800"), 0L);

            assertThat(h.extractOutputValues()).isEmpty();
            long tenFifteen = OffsetDateTime.parse("2026-11-26T10:15:00+08:00")
                    .toInstant()
                    .toEpochMilli();
            assertThat(values(h.getSideOutput(DecodePayloads.FACILITY), FacilityStatus.class))
                    .extracting(s -> s.mn + " " + s.facility + " " + s.status + " " + (s.timeMillis == tenFifteen))
                    .containsExactly(MN + " SB1 1 true", MN + " SB2 0 true");
            assertThat(values(h.getSideOutput(DecodePayloads.STATION_EVENTS), StationEvent.class))
                    .extracting(e -> e.cn + " " + e.code + " " + e.value)
                    .containsExactly("3020 i12001 0.0");
            assertThat(values(h.getSideOutput(DecodePayloads.DEAD_LETTERS), DeadLetter.class))
                    .extracting(d -> d.reason + " " + d.mn)
                    .containsExactly("unknown_mn NOSUCHMN");
        }
    }

    private static <T> List<T> values(ConcurrentLinkedQueue<StreamRecord<T>> side, Class<T> type) {
        return side == null
                ? List.of()
                : side.stream().map(r -> type.cast(r.getValue())).toList();
    }
}
