package org.cems.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Year-to-date, projection and coverage of the city from daily source records fed to the operator, worked by hand. */
class YearToDateKpiTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String REGISTRY = """
            city: C
            targets: {2025: {vocs_reduction_t: 50}, 2026: {nox_reduction_t: 923}}
            enterprises:
              - id: a
                park: p
                baseline_t: {a21002: 365}
                sources:
                  - {id: s1, mn: "M1", kind: coal_boiler}
                  - {id: s2, mn: "M2", kind: coal_boiler}
              - id: b
                baseline_monthly_t: {a21002: {1: 62, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}}
                sources:
                  - {id: s3, mn: "M3", kind: coal_boiler}
              - id: c
                sources:
                  - {id: s4, mn: "M4", kind: coal_boiler}
              - id: q
                sources:
                  - {id: s5, mn: "M5", kind: coal_boiler}
            """;

    /**
     * The three stages as the job runs them: each source's days, shards of the scopes' enterprises (a and b are in two
     * of the city's), then their sums.
     */
    private KeyedOneInputStreamOperatorTestHarness<String, EmissionRecord, SourceYearChange> sources;

    private KeyedOneInputStreamOperatorTestHarness<String, SourceYearChange, YearToDatePart> parts;

    private KeyedOneInputStreamOperatorTestHarness<String, YearToDatePart, KpiRecord> harness;

    @BeforeEach
    void open() throws Exception {
        Registry registry =
                RegistryLoader.parse(new ByteArrayInputStream(REGISTRY.getBytes(StandardCharsets.UTF_8)), "test");
        sources = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SourceYearDays(registry)), Contributions::sourceKey, Types.STRING);
        sources.open();
        parts = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new YearToDateParts(registry)), SourceYearChange::shardKey, Types.STRING);
        parts.open();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new YearToDateKpi(registry)), YearToDatePart::yearKey, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        sources.close();
        parts.close();
        harness.close();
    }

    static long start(LocalDate d) {
        return d.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    void send(String enterprise, String source, LocalDate day, double kg) throws Exception {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = enterprise;
        r.source = source;
        r.stack = true;
        r.pollutant = "a21002";
        r.window = "1d";
        r.windowStartMillis = start(day);
        r.massAccountedKg = kg;
        sources.processElement(r, r.windowStartMillis);
        for (SourceYearChange c : sources.extractOutputValues()) {
            parts.processElement(c, c.dayStartMillis);
        }
        sources.getOutput().clear();
    }

    /** The city's latest KPI of the day. */
    KpiRecord flushAndFind(String indicator, LocalDate day) throws Exception {
        parts.setProcessingTime(parts.getProcessingTime() + YearToDateParts.FLUSH_MS);
        for (YearToDatePart part : parts.extractOutputValues()) {
            harness.processElement(part, part.dayStartMillis);
        }
        parts.getOutput().clear();
        List<KpiRecord> out = harness.extractOutputValues();
        return out.stream()
                .filter(k ->
                        k.scope.equals(TotalRecord.CITY) && k.indicator.equals(indicator) && k.timeMillis == start(day))
                .reduce((x, y) -> y)
                .orElseThrow();
    }

    @Test
    void eachSourceIsProjectedFromTheDaysItCoversAndTheBaselineProfile() throws Exception {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        LocalDate jan3 = LocalDate.of(2026, 1, 3);
        // s1 every day from 1 January, s2 only on 3 January, s3 (monthly baseline: January twice its days' share) on 2
        // and 3 January
        send("a", "s1", jan1, 1000);
        send("a", "s1", jan1.plusDays(1), 1000);
        send("a", "s1", jan3, 1000);
        send("a", "s2", jan3, 500);
        send("b", "s3", jan1.plusDays(1), 400);
        send("b", "s3", jan3, 400);
        KpiRecord ytd = flushAndFind("nox_ytd_t", jan3);
        assertThat(ytd.value).isCloseTo(4.3, within(1e-12));
        // covered source-days 3 + 1 + 2 of 3 sources × 3 days
        assertThat(ytd.coveragePct).isCloseTo(6.0 / 9 * 100, within(1e-9));
        // a: s1 projects 3 t / (3/365), s2 0.5 t / (1/365): 365 + 182.5 t;
        // b (396 t, January 62 t): two January days are 2 × 62/396/31 of the year: 0.8 t / (4/396) = 79.2 t
        double aProjected = 3.0 * 365 / 3 + 0.5 * 365;
        double bShare = 2 * (62.0 / 396 / 31);
        double bProjected = 0.8 / bShare;
        assertThat(bProjected).isCloseTo(79.2, within(1e-9));
        KpiRecord reduction = flushAndFind("nox_reduction_t", jan3);
        assertThat(reduction.value).isCloseTo(365 - aProjected + 396 - bProjected, within(1e-9));
        assertThat(reduction.baseline).isCloseTo(761, within(1e-9));
        assertThat(reduction.target).isEqualTo(923);
        assertThat(reduction.progressPct).isCloseTo(reduction.value / 923 * 100, within(1e-9));
        // the baseline of the covered days: each enterprise's baseline × its mass / its projection
        assertThat(ytd.baseline).isCloseTo(365 * 3.5 / aProjected + 396 * bShare, within(1e-9));
    }

    @Test
    void aCorrectedEarlierDayCountsOnlyTheDaysUpToIt() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 6, 1);
        send("a", "s1", d1, 1000);
        send("a", "s1", d1.plusDays(1), 3000);
        flushAndFind("nox_ytd_t", d1.plusDays(1));
        send("a", "s1", d1, 2000); // the first day again, corrected
        KpiRecord first = flushAndFind("nox_ytd_t", d1);
        assertThat(first.value).isCloseTo(2.0, within(1e-12));
        assertThat(first.coveragePct).isCloseTo(100.0 / d1.getDayOfYear(), within(1e-9));
        KpiRecord reduction = flushAndFind("nox_reduction_t", d1);
        assertThat(reduction.value).isCloseTo(365 - 2.0 * 365, within(1e-9));
    }

    @Test
    void anEnterpriseWithoutDataOnADayStillCountsItsYearSoFar() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 6, 1);
        send("a", "s1", d1, 1000);
        send("b", "s3", d1, 400);
        assertThat(flushAndFind("nox_ytd_t", d1).value).isCloseTo(1.4, within(1e-12));

        send("a", "s1", d1.plusDays(1), 1000); // b (another shard) sends nothing on 2 June
        KpiRecord second = flushAndFind("nox_ytd_t", d1.plusDays(1));

        assertThat(second.value).isCloseTo(2.4, within(1e-12));
        // 2 + 1 covered source-days of 2 sources × 153 days
        assertThat(second.coveragePct).isCloseTo(3.0 / (2 * 153) * 100, within(1e-9));

        send("b", "s3", d1, 600); // b's 1 June corrected: 1 June and the later 2 June change
        assertThat(flushAndFind("nox_ytd_t", d1).value).isCloseTo(1.6, within(1e-12));
        assertThat(flushAndFind("nox_ytd_t", d1.plusDays(1)).value).isCloseTo(2.6, within(1e-12));
    }

    @Test
    void anEnterpriseWithoutABaselineCountsItsMassButNoBaseline() throws Exception {
        LocalDate d = LocalDate.of(2026, 1, 1);
        send("c", "s4", d, 500);
        KpiRecord alone = flushAndFind("nox_ytd_t", d);
        assertThat(alone.value).isCloseTo(0.5, within(1e-12));
        assertThat(alone.baseline).isNull();
        assertThat(harness.extractOutputValues()).noneMatch(k -> k.indicator.equals("nox_reduction_t"));

        send("a", "s1", d, 1000);
        KpiRecord both = flushAndFind("nox_ytd_t", d);
        assertThat(both.value).isCloseTo(1.5, within(1e-12));
        // a's whole year on its one covered day of an even spread: 365 t × 1/365
        assertThat(both.baseline).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aYearWithoutATargetHasNone() throws Exception {
        LocalDate d = LocalDate.of(2025, 3, 1);
        send("a", "s1", d, 1000);
        KpiRecord reduction = flushAndFind("nox_reduction_t", d);
        assertThat(reduction.target).isNull();
        assertThat(reduction.progressPct).isNull();
    }

    @Test
    void aCorrectedDayAlsoChangesTheLaterDaysOfItsShard() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 6, 1);
        send("a", "s1", d1, 1000);
        send("a", "s2", d1.plusDays(1), 3000);
        assertThat(flushAndFind("nox_ytd_t", d1.plusDays(1)).value).isCloseTo(4.0, within(1e-12));

        send("a", "s1", d1, 2000); // s1's 1 June corrected: a's 2 June includes it

        assertThat(flushAndFind("nox_ytd_t", d1).value).isCloseTo(2.0, within(1e-12));
        assertThat(flushAndFind("nox_ytd_t", d1.plusDays(1)).value).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void aSourcesOlderDaysKeptAsTheirSumsProjectAsEachDayWould() throws Exception {
        // b's s3 every day of June at 30 kg: the days before the last three are folded into sums; June is 30/396 of
        // b's year (monthly baseline), so 30 days of 30 kg project to 0.9 t × 396 / 30 = 11.88 t
        LocalDate june1 = LocalDate.of(2026, 6, 1);
        for (int d = 0; d < 30; d++) {
            send("b", "s3", june1.plusDays(d), 30);
        }
        send("b", "s3", june1.plusDays(27), 60); // a day within the last three corrected
        LocalDate june30 = june1.plusDays(29);
        KpiRecord ytd = flushAndFind("nox_ytd_t", june30);
        assertThat(ytd.value).isCloseTo(0.93, within(1e-12));
        assertThat(ytd.coveragePct).isCloseTo(30.0 / june30.getDayOfYear() * 100, within(1e-9));
        KpiRecord reduction = flushAndFind("nox_reduction_t", june30);
        assertThat(reduction.value).isCloseTo(396 - 0.93 * 396 / 30, within(1e-9));

        send("b", "s3", june1, 90); // older than the last three days: counted as too old, changes nothing
        parts.setProcessingTime(parts.getProcessingTime() + YearToDateParts.FLUSH_MS);
        assertThat(parts.extractOutputValues()).allMatch(p -> p.massKg == 930.0);
    }

    @Test
    void aLaggingEnterprisesDaysCountWhenTheOneAheadHadNoDataBeforeThem() throws Exception {
        // q and a share a shard of the city; q's days arrive first (another partition), then a's
        LocalDate june1 = LocalDate.of(2026, 6, 1);
        for (int d = 4; d < 10; d++) {
            send("q", "s5", june1.plusDays(d), 100);
        }
        send("a", "s1", june1.plusDays(1), 1000);

        assertThat(flushAndFind("nox_ytd_t", june1.plusDays(1)).value).isCloseTo(1.0, within(1e-12));
        assertThat(flushAndFind("nox_ytd_t", june1.plusDays(9)).value).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void aBacklogDayOlderThanWhatTheShardKeepsGetsNoPointButCountsInTheLaterDays() throws Exception {
        LocalDate june1 = LocalDate.of(2026, 6, 1);
        for (int d = 0; d < 10; d++) {
            send("q", "s5", june1.plusDays(d), 100);
        }
        flushAndFind("nox_ytd_t", june1.plusDays(9));
        harness.getOutput().clear();

        // a's logger sends 2 June late: q's figures up to 2 June are no longer kept
        send("a", "s1", june1.plusDays(1), 1000);

        assertThat(flushAndFind("nox_ytd_t", june1.plusDays(9)).value).isCloseTo(2.0, within(1e-12));
        assertThat(harness.extractOutputValues())
                .noneMatch(k -> k.scope.equals(TotalRecord.CITY) && k.timeMillis == start(june1.plusDays(1)));
    }

    @Test
    void aYearSentAtOnceGivesEachDayItsPointAsOfThatDay() throws Exception {
        // a reports every day but 10 in March, b from 26 November: all within one flush, as a replay from Kafka
        LocalDate nov25 = LocalDate.of(2026, 11, 25);
        int aDaysToNov25 = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LocalDate.of(2026, 12, 4)); d = d.plusDays(1)) {
            if (!(d.getMonthValue() == 3 && d.getDayOfMonth() >= 10 && d.getDayOfMonth() < 20)) {
                send("a", "s1", d, 900);
                aDaysToNov25 += d.isAfter(nov25) ? 0 : 1;
            }
            if (d.isAfter(nov25)) {
                send("b", "s3", d, 8000);
            }
        }
        KpiRecord ytd = flushAndFind("nox_ytd_t", nov25);
        assertThat(ytd.value).isCloseTo(aDaysToNov25 * 0.9, within(1e-9));
        assertThat(ytd.coveragePct).isCloseTo(aDaysToNov25 * 100.0 / nov25.getDayOfYear(), within(1e-9));
        assertThat(flushAndFind("nox_ytd_t", LocalDate.of(2026, 12, 4)).value)
                .isCloseTo((aDaysToNov25 + 9) * 0.9 + 9 * 8.0, within(1e-9));
    }
}
