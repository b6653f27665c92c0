package org.cems.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The city's hourly totals from stacks' hours fed to the three stages as the job runs them (each
 * stack's masses, the merged changes, the totals), worked by hand.
 */
class RollupTest {
    private static final long HOUR = 1_780_000_000_000L;
    private static final long DAY_MS = 24 * 3600 * 1000L;

    private KeyedOneInputStreamOperatorTestHarness<String, EmissionRecord, Contribution> stacks;
    private OneInputStreamOperatorTestHarness<Contribution, Contribution> sums;
    private KeyedOneInputStreamOperatorTestHarness<String, Contribution, TotalRecord> totals;

    @BeforeEach
    void open() throws Exception {
        String yaml =
                "city: Ordos\nenterprises:\n  - id: a\n    sources:\n      - {id: u1, mn: \"M1\", kind: coal_boiler}\n";
        var registry = RegistryLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
        stacks = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Contributions(registry)), Contributions::sourceKey, Types.STRING);
        stacks.open();
        sums = new OneInputStreamOperatorTestHarness<>(new ContributionSums());
        sums.open();
        totals = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Rollup()), Contribution::windowKey, Types.STRING);
        totals.open();
    }

    @AfterEach
    void close() throws Exception {
        stacks.close();
        sums.close();
        totals.close();
    }

    private void send(String stack, String pollutant, String window, long start, double kg) throws Exception {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = stack.substring(0, stack.indexOf('/'));
        r.source = stack.substring(stack.indexOf('/') + 1);
        r.stack = true;
        r.pollutant = pollutant;
        r.window = window;
        r.windowStartMillis = start;
        r.massAccountedKg = kg;
        stacks.processElement(r, start);
    }

    private void send(String stack, String pollutant, double kg) throws Exception {
        send(stack, pollutant, "1h", HOUR, kg);
    }

    /** The changes since the last flush, merged and flushed, then summed: the city's totals that changed. */
    private List<TotalRecord> flush() throws Exception {
        for (Contribution c : stacks.extractOutputValues()) {
            sums.processElement(c, c.windowStartMillis);
        }
        stacks.getOutput().clear();
        sums.setProcessingTime(sums.getProcessingTime() + Rollup.FLUSH_MS);
        for (Contribution c : sums.extractOutputValues()) {
            totals.processElement(c, c.windowStartMillis);
        }
        sums.getOutput().clear();
        List<TotalRecord> out = totals.extractOutputValues().stream()
                .filter(t -> t.scope.equals(TotalRecord.CITY))
                .toList();
        totals.getOutput().clear();
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
    void theChangesOfAllStacksReachAWindowsTotalAsOneMergedChangePerFlush() throws Exception {
        for (int i = 0; i < 1000; i++) {
            send("e/s" + i, "a21002", 0.5);
        }
        for (Contribution c : stacks.extractOutputValues()) {
            sums.processElement(c, c.windowStartMillis);
        }
        assertThat(sums.extractOutputValues()).isEmpty();

        sums.setProcessingTime(Rollup.FLUSH_MS);

        // the enterprise's and the city's window
        assertThat(sums.extractOutputValues()).hasSize(2).allSatisfy(c -> {
            assertThat(c.deltaKg).isEqualTo(500.0);
            assertThat(c.newSources).isEqualTo(1000);
        });
    }

    @Test
    void theMergedChangesAreSentBeforeACheckpointSoItHoldsNone() throws Exception {
        send("a/u1", "a21002", 1.25);
        for (Contribution c : stacks.extractOutputValues()) {
            sums.processElement(c, c.windowStartMillis);
        }

        sums.prepareSnapshotPreBarrier(1);

        assertThat(sums.extractOutputValues()).hasSize(2);
        sums.getOutput().clear();
        sums.setProcessingTime(Rollup.FLUSH_MS);
        assertThat(sums.extractOutputValues()).isEmpty();
    }

    @Test
    void correctionsOfManyStacksKeepTheSumExact() throws Exception {
        // 20,000 stacks send 0.1 kg, then each is corrected to 0.3 kg: 6,000 kg (0.1 and 0.3 are not exact in binary,
        // and each correction adds a difference: plain adding is 4.3e-9 off here)
        int stacks = 20_000;
        for (int i = 0; i < stacks; i++) {
            send("e/s" + i, "a21002", 0.1);
        }
        flush();
        for (int i = 0; i < stacks; i++) {
            send("e/s" + i, "a21002", 0.3);
        }
        TotalRecord total = flush().get(0);
        assertThat(total.sources).isEqualTo(stacks);
        assertThat(total.massKg).isCloseTo(6000.0, within(1e-11));
    }

    @Test
    void aWindowsTotalGoesWhenItHasNotChangedForThreeDays() throws Exception {
        send("a/u1", "a21002", 1.25);
        flush();
        assertThat(totals.numKeyedStateEntries()).isPositive();

        totals.setProcessingTime(Rollup.KEEP_MS);

        assertThat(totals.numKeyedStateEntries()).isZero();
        assertThat(flush()).isEmpty();
    }

    @Test
    void aStacksWindowsAreForgottenWhenADayMoreThanThreeDaysLaterBegins() throws Exception {
        send("a/u1", "a21002", "1h", HOUR, 1.25);
        send("a/u1", "a21002", "1d", HOUR + 2 * DAY_MS, 1.0);
        send("a/u1", "a21002", "1d", HOUR + 3 * DAY_MS + 3_600_000, 1.0);
        stacks.getOutput().clear();

        // replays: the day two days later is still known, the hour three days earlier no longer (its totals are gone)
        send("a/u1", "a21002", "1d", HOUR + 2 * DAY_MS, 1.0);
        assertThat(stacks.extractOutputValues()).isEmpty();
        send("a/u1", "a21002", "1h", HOUR, 1.25);
        assertThat(stacks.extractOutputValues()).isNotEmpty().allMatch(c -> c.newSources == 1);
    }
}
