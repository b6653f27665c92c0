package org.cems.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The city's hourly totals from stacks' contributions fed to the operator, worked by hand. */
class RollupTest {
    private static final long HOUR = 1_780_000_000_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, Contribution, TotalRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Rollup()), Contribution::windowKey, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(String contributor, String pollutant, double kg) throws Exception {
        Contribution c = new Contribution();
        c.scope = TotalRecord.CITY;
        c.id = "Ordos";
        c.pollutant = pollutant;
        c.window = "1h";
        c.windowStartMillis = HOUR;
        c.contributor = contributor;
        c.massKg = kg;
        harness.processElement(c, HOUR);
    }

    private List<TotalRecord> flush() throws Exception {
        harness.setProcessingTime(harness.getProcessingTime() + Rollup.FLUSH_MS);
        List<TotalRecord> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    @Test
    void aWindowsTotalIsItsStacksSumEmittedOncePerFlush() throws Exception {
        send("a/u1", "a21002", 1.25);
        send("a/u2", "a21002", 2.5);
        send("b/u1", "a21026", 0.75);

        List<TotalRecord> totals = flush();

        assertThat(totals).hasSize(2);
        TotalRecord nox = totals.stream()
                .filter(t -> t.pollutant.equals("a21002"))
                .findFirst()
                .orElseThrow();
        assertThat(nox.massKg).isEqualTo(3.75);
        assertThat(nox.sources).isEqualTo(2);
        assertThat(nox.scope).isEqualTo(TotalRecord.CITY);
        assertThat(nox.id).isEqualTo("Ordos");
        assertThat(nox.window).isEqualTo("1h");
        assertThat(nox.windowStartMillis).isEqualTo(HOUR);
    }

    @Test
    void aCorrectedMassReplacesTheStacksEarlierOneAndAReplayChangesNothing() throws Exception {
        send("a/u1", "a21002", 1.25);
        send("a/u2", "a21002", 2.5);
        flush();

        send("a/u1", "a21002", 1.0); // the hour again, corrected
        TotalRecord corrected = flush().get(0);
        assertThat(corrected.massKg).isEqualTo(3.5);
        assertThat(corrected.sources).isEqualTo(2);

        send("a/u2", "a21002", 2.5); // a replay of what it sent
        assertThat(flush()).isEmpty();
    }

    @Test
    void correctionsOfManyStacksKeepTheSumExact() throws Exception {
        // 20,000 stacks send 0.1 kg, then each is corrected to 0.3 kg: 6,000 kg (0.1 and 0.3 are not exact in binary,
        // and each correction adds a difference: plain adding is 4.3e-9 off here)
        int stacks = 20_000;
        for (int i = 0; i < stacks; i++) {
            send("e/s" + i, "a21002", 0.1);
        }
        for (int i = 0; i < stacks; i++) {
            send("e/s" + i, "a21002", 0.3);
        }
        TotalRecord total = flush().get(0);
        assertThat(total.sources).isEqualTo(stacks);
        assertThat(total.massKg).isCloseTo(6000.0, within(1e-11));
    }

    @Test
    void aWindowsStateGoesWhenItHasNotChangedForThreeDays() throws Exception {
        send("a/u1", "a21002", 1.25);
        flush();
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.setProcessingTime(Rollup.KEEP_MS);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(flush()).isEmpty();
    }
}
