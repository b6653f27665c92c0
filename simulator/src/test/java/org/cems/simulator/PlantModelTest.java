package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlantModelTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long DAY_START =
            LocalDateTime.of(2026, 11, 26, 0, 0).atZone(SHANGHAI).toInstant().toEpochMilli();
    static final long TEN_SECONDS = 10_000;
    static final long ONE_DAY = 86_400_000;

    static Registry registry;
    static PlantModel model;

    @BeforeAll
    static void loadRegistry() {
        registry = RegistryFileTest.demoRegistry();
        model = new PlantModel(registry, 7);
    }

    @Test
    void sameSeedGivesSameReadingsAndAnotherSeedOthers() {
        PlantModel again = new PlantModel(RegistryFileTest.demoRegistry(), 7);
        PlantModel otherSeed = new PlantModel(registry, 8);

        for (long t = DAY_START; t < DAY_START + 3_600_000; t += TEN_SECONDS) {
            assertThat(again.readingsAt(t)).isEqualTo(model.readingsAt(t));
            assertThat(otherSeed.readingsAt(t)).isNotEqualTo(model.readingsAt(t));
        }
    }

    @Test
    void aReadingDependsOnlyOnItsTimeNotOnWhatWasAskedBefore() {
        long t = DAY_START + 12_345 * TEN_SECONDS;
        Reading direct =
                new PlantModel(registry, 7).point("150621A89001D3F3A51C0001").readingAt(t);

        model.readingsAt(t - TEN_SECONDS);
        assertThat(model.point("150621A89001D3F3A51C0001").readingAt(t)).isEqualTo(direct);
    }

    @Test
    void coalUnitStacksStayInTheIssuesRanges() {
        forEachReadingOfADay("150621A89001D3F3A51C0001", r -> {
            assertThat(rtd(r, ParameterCodes.SO2)).isBetween(15.0, 30.0);
            assertThat(rtd(r, ParameterCodes.NOX)).isBetween(30.0, 45.0);
            assertThat(rtd(r, ParameterCodes.PARTICULATE)).isBetween(2.0, 8.0);
            assertThat(rtd(r, ParameterCodes.O2)).isBetween(5.0, 8.0);
            assertThat(rtd(r, ParameterCodes.CO2))
                    .as("CO2 in vol %% as the registry declares")
                    .isBetween(11.0, 13.0);
            assertThat(rtd(r, ParameterCodes.MOISTURE)).isBetween(8.0, 12.0);
            assertThat(rtd(r, ParameterCodes.LOAD_MW)).isBetween(0.49 * 600, 600.0);
            assertThat(rtd(r, ParameterCodes.FLOW))
                    .as("m3/h as the registry declares")
                    .isBetween(0.9e6, 2.2e6);
        });
    }

    @Test
    void inletsCarryRawConcentrations() {
        forEachReadingOfADay("150621A89001D3F3A51C0002", r -> {
            assertThat(r.values).doesNotContainKeys(ParameterCodes.NOX, ParameterCodes.CO2, ParameterCodes.LOAD_MW);
            assertThat(rtd(r, ParameterCodes.SO2)).as("FGD inlet SO2").isBetween(1500.0, 3000.0);
        });
        forEachReadingOfADay(
                "150621A89001D3F3A51C0003",
                r -> assertThat(rtd(r, ParameterCodes.NOX)).as("SCR inlet NOx").isBetween(300.0, 500.0));
        forEachReadingOfADay(
                "150622A89002B7F4C22E8004",
                r -> assertThat(rtd(r, ParameterCodes.NMHC))
                        .as("VOCs inlet NMHC")
                        .isBetween(50.0, 120.0));
        forEachReadingOfADay(
                "150622A89002B7F4C22E8003",
                r -> assertThat(rtd(r, ParameterCodes.NMHC))
                        .as("VOCs outlet NMHC")
                        .isBetween(5.0, 20.0));
    }

    @Test
    void everyPointStaysInItsDeclaredPollutantRanges() {
        List<String> outside = new ArrayList<>();
        for (MonitoringPoint point : model.points()) {
            forEachReadingOfADay(
                    point.mn(),
                    r -> point.pollutantRangesMgM3().forEach((code, range) -> {
                        if (!range.contains(rtd(r, code))) {
                            outside.add(point.source().id + " " + code + " " + rtd(r, code) + " outside " + range);
                        }
                    }));
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void zsRtdIsTheReferenceO2ConcentrationOfTheSource() {
        Reading r = model.point("150624A89003E5F5B0971001").readingAt(DAY_START);
        double o2 = rtd(r, ParameterCodes.O2);
        ReadingValue nox = r.values.get(ParameterCodes.NOX);

        // coke oven: reference O2 8 %; both values are rounded to 2 decimals
        assertThat(nox.zsRtd).isCloseTo(EmissionFormulas.referenceO2(nox.rtd, o2, 8.0), within(0.05));
    }

    @Test
    void powerUnitsFollowTheDailyLoadCurve() {
        double night = meanLoadMw(3, 5);
        double evening = meanLoadMw(18, 20);

        assertThat(night).isLessThan(0.65 * 600);
        assertThat(evening).isGreaterThan(0.9 * 600);
    }

    @Test
    void flowScalesWithLoadToAbout2MillionCubicMetresPerHourAtFullLoad() {
        List<double[]> loadAndFlow = new ArrayList<>();
        forEachReadingOfADay(
                "150621A89001D3F3A51C0011",
                r -> loadAndFlow.add(new double[] {rtd(r, ParameterCodes.LOAD_MW), rtd(r, ParameterCodes.FLOW)}));

        double fullLoadFlow = loadAndFlow.stream()
                .filter(lf -> lf[0] > 590)
                .mapToDouble(lf -> lf[1])
                .average()
                .orElseThrow();
        double lowLoadFlow = loadAndFlow.stream()
                .filter(lf -> lf[0] < 330)
                .mapToDouble(lf -> lf[1])
                .average()
                .orElseThrow();
        assertThat(fullLoadFlow).isCloseTo(2.0e6, within(0.1e6));
        assertThat(lowLoadFlow).isLessThan(0.75 * fullLoadFlow);
    }

    @Test
    void flowIsSentInTheRegistrysUnitDefaultM3PerSecond() {
        // process heaters declare no flow unit: HJ 212-2017 default m3/s, 1.5e5 m3/h near full load
        forEachReadingOfADay(
                "150622A89002B7F4C22E8001",
                r -> assertThat(rtd(r, ParameterCodes.FLOW)).isBetween(0.8 * 1.5e5 / 3600, 1.05 * 1.5e5 / 3600));
    }

    @Test
    void aboutHalfAPercentOfValuesAreFlaggedCOrMInShortRuns() {
        long flagged = 0;
        long total = 0;
        for (long t = DAY_START; t < DAY_START + 10 * ONE_DAY; t += 60_000) {
            for (Reading r : model.readingsAt(t)) {
                for (ReadingValue v : r.values.values()) {
                    total++;
                    if (!v.flag.equals("N")) {
                        flagged++;
                        assertThat(v.flag).isIn("C", "M");
                    }
                }
            }
        }
        assertThat(flagged / (double) total).isBetween(0.002, 0.008);
    }

    @Test
    void aFlagRunCoversTheWholeInstrumentAndLastsAtMostTwoMinutes() {
        String mn = "150621A89001D3F3A51C0001";
        InstrumentFlags flags = new InstrumentFlags(new Noise(7));
        long longestRunMillis = 0;
        long runStart = -1;
        for (long t = DAY_START; t < DAY_START + 30 * ONE_DAY; t += TEN_SECONDS) {
            boolean flagged = !flags.flagAt(mn, Instrument.GAS_ANALYSER, t).equals("N");
            if (flagged && runStart < 0) {
                runStart = t;
                Map<String, ReadingValue> values = model.point(mn).readingAt(t).values;
                assertThat(values.get(ParameterCodes.SO2).flag).isEqualTo(values.get(ParameterCodes.O2).flag);
            } else if (!flagged && runStart >= 0) {
                longestRunMillis = Math.max(longestRunMillis, t - runStart);
                runStart = -1;
            }
        }
        assertThat(longestRunMillis).isPositive().isLessThanOrEqualTo(2 * 60_000);
    }

    private static double meanLoadMw(int fromHour, int toHour) {
        return model.points().stream()
                .filter(p -> p.source().capacityMw != null)
                .mapToDouble(p -> {
                    double sum = 0;
                    int n = 0;
                    for (long t = DAY_START + fromHour * 3_600_000L; t < DAY_START + toHour * 3_600_000L; t += 60_000) {
                        sum += rtd(p.readingAt(t), ParameterCodes.LOAD_MW);
                        n++;
                    }
                    return sum / n;
                })
                .average()
                .orElseThrow();
    }

    private static void forEachReadingOfADay(String mn, Consumer<Reading> check) {
        MonitoringPoint point = model.point(mn);
        for (long t = DAY_START; t < DAY_START + ONE_DAY; t += TEN_SECONDS) {
            check.accept(point.readingAt(t));
        }
    }

    static double rtd(Reading r, String code) {
        ReadingValue v = r.values.get(code);
        if (v == null) {
            throw new AssertionError(r.mn + " sent no " + code);
        }
        return v.rtd;
    }
}
