package org.cems.job.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cems.job.decode.DeadLetter;
import org.junit.jupiter.api.Test;

/** The per-minute counts of one source and reason, a note that stands for several events included. */
class QualityCounterTest {
    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_700_000_040_000L; // a minute start

    private static DeadLetter note(long receivedMillis, int count) {
        DeadLetter d = DeadLetter.of(
                AccountingNote.SUBSTITUTION_NO_HISTORY, "hour substituted", "source-windows", null, receivedMillis);
        d.enterprise = "e1";
        d.source = "u1-stack";
        d.count = count;
        return d;
    }

    @Test
    void aNoteCountsAsManyEventsAsItStandsFor_andTheMinutesTotalIsRewritten() throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new QualityCounter()),
                new QualityKey(),
                TypeInformation.of(new TypeHint<Tuple3<String, String, String>>() {}))) {
            harness.open();
            harness.setProcessingTime(T0);
            harness.processElement(note(T0 + 1_000, 3), T0);
            harness.processElement(note(T0 + 2_000, 1), T0);
            harness.setProcessingTime(T0 + 1_000);
            assertThat(counts(harness.extractOutputValues())).containsExactly(4L);

            // a later note of the same minute: the minute's running total, not the increment
            harness.processElement(note(T0 + 30_000, 2), T0);
            harness.setProcessingTime(T0 + 2_500);
            assertThat(counts(harness.extractOutputValues())).containsExactly(4L, 6L);

            harness.processElement(note(T0 + MINUTE, 1), T0);
            harness.setProcessingTime(T0 + 4_000);
            List<QualityRecord> out = harness.extractOutputValues();
            assertThat(out.get(out.size() - 1).minuteStartMillis).isEqualTo(T0 + MINUTE);
            assertThat(out.get(out.size() - 1).count).isEqualTo(1L);
        }
    }

    private static List<Long> counts(List<QualityRecord> records) {
        return records.stream().map(r -> r.count).toList();
    }
}
