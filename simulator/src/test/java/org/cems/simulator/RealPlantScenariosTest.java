package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.cems.simulator.ScenariosTest.MINUTE;
import static org.cems.simulator.ScenariosTest.SHANGHAI;
import static org.cems.simulator.ScenariosTest.START;
import static org.cems.simulator.ScenariosTest.TICK;
import static org.cems.simulator.ScenariosTest.U1_FGD_IN;
import static org.cems.simulator.ScenariosTest.U1_STACK;
import static org.cems.simulator.ScenariosTest.U2_STACK;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCodes;
import org.junit.jupiter.api.Test;

/**
 * Each real-plant-data pattern, placed at 10:00 on 2026-11-26 (Asia/Shanghai) on u1-stack, sends
 * what docs/plant-data/scenarios.md says: CNs, DataTimes, values and flags, checked against the
 * plant model's own readings, which are what the patterns change.
 */
class RealPlantScenariosTest {
    final Registry registry = RegistryFileTest.demoRegistry();
    final PlantModel model = new PlantModel(registry, 7);
    final MonitoringPoint stack = model.point(U1_STACK);

    Scenarios place(String... specs) {
        return Scenarios.place(
                List.of(specs).stream().map(ScenarioSpec::parse).toList(),
                Optional.empty(),
                model,
                registry,
                START,
                TICK);
    }

    static long at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 11, day, hour, minute)
                .atZone(SHANGHAI)
                .toInstant()
                .toEpochMilli();
    }

    List<Upload> sent(Scenarios s, String mn, long tick) {
        return s.uploadsAt(model.point(mn), tick);
    }

    Upload only(Scenarios s, String mn, long tick, String cn) {
        List<Upload> uploads =
                sent(s, mn, tick).stream().filter(u -> u.cn().equals(cn)).toList();
        assertThat(uploads).as("CN %s at %s", cn, tick).hasSize(1);
        return uploads.get(0);
    }

    Reading model(String mn, long t) {
        return model.point(mn).readingAt(t);
    }

    static double mean(List<Reading> readings, String code) {
        return readings.stream()
                .mapToDouble(r -> r.values.get(code).rtd)
                .average()
                .orElseThrow();
    }

    List<Reading> modelReadings(String mn, long from, long to) {
        List<Reading> readings = new ArrayList<>();
        for (long t = from; t < to; t += TICK) {
            readings.add(model(mn, t));
        }
        return readings;
    }

    @Test
    void tenMinuteDataAveragesItsIntervalStampedWithTheIntervalStart() {
        Scenarios s = place("interval-10m");
        List<Reading> interval = modelReadings(U1_STACK, START, START + 10 * MINUTE);

        Upload record = only(s, U1_STACK, START + 10 * MINUTE, Reading.CN_MINUTE);

        assertThat(record.timeMillis()).isEqualTo(START);
        ReadingValue so2 = record.reading.values.get(ParameterCodes.SO2);
        assertThat(so2.avg).isCloseTo(mean(interval, ParameterCodes.SO2), within(0.006));
        assertThat(so2.min)
                .isEqualTo(interval.stream()
                        .mapToDouble(r -> r.values.get(ParameterCodes.SO2).rtd)
                        .min()
                        .orElseThrow());
        assertThat(so2.max)
                .isEqualTo(interval.stream()
                        .mapToDouble(r -> r.values.get(ParameterCodes.SO2).rtd)
                        .max()
                        .orElseThrow());
        assertThat(so2.zsAvg)
                .isCloseTo(
                        interval.stream()
                                .mapToDouble(r -> r.values.get(ParameterCodes.SO2).zsRtd)
                                .average()
                                .orElseThrow(),
                        within(0.006));
        assertThat(record.reading.values.get(ParameterCodes.FLOW).avg)
                .isCloseTo(mean(interval, ParameterCodes.FLOW), within(0.5));
        assertThat(record.reading.values.get(ParameterCodes.LOAD_MW).avg)
                .isCloseTo(mean(interval, ParameterCodes.LOAD_MW), within(0.006));
        // nothing in between, and no real-time data at all from this point; the others are unchanged
        assertThat(LongStream.range(1, 60)
                        .mapToObj(k -> sent(s, U1_STACK, START + 10 * MINUTE + k * TICK))
                        .flatMap(List::stream))
                .isEmpty();
        assertThat(sent(s, U2_STACK, START + TICK))
                .singleElement()
                .satisfies(u -> assertThat(u.reading).isEqualTo(model(U2_STACK, START + TICK)));
    }

    @Test
    void everyMinIntervalOfHj212IsOnTheLocalGrid() {
        for (int minutes : new int[] {1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30}) {
            Scenarios s = place("interval-" + minutes + "m");
            Upload record = only(s, U1_STACK, START + minutes * MINUTE, Reading.CN_MINUTE);
            assertThat(record.timeMillis()).isEqualTo(START);
            assertThat(record.reading.values.get(ParameterCodes.O2).avg)
                    .isCloseTo(
                            mean(modelReadings(U1_STACK, START, START + minutes * MINUTE), ParameterCodes.O2),
                            within(0.006));
        }
    }

    @Test
    void aMinuteRecordIsFlaggedNWhenThreeQuartersOfItsReadingsAre() {
        // invalid-hours flags the analyser C from 10:00; the 09:55-10:05 record is half C
        Scenarios s = place("invalid-hours@0m", "interval-10m");
        assertThat(only(s, U1_STACK, at(26, 10, 10), Reading.CN_MINUTE)
                        .reading
                        .values
                        .get(ParameterCodes.SO2)
                        .flag)
                .isEqualTo("C");
        Scenarios five = place("invalid-hours@0m", "interval-5m");
        assertThat(only(five, U1_STACK, at(26, 10, 0), Reading.CN_MINUTE)
                        .reading
                        .values
                        .get(ParameterCodes.SO2)
                        .flag)
                .isEqualTo("N");
    }

    @Test
    void stopAtHalfPastTripsTheUnitAndTheStationSaysSo() {
        Scenarios s = place("stop-at-30@0m");
        long trip = at(26, 10, 30);
        long restart = at(26, 12, 0);

        Reading before = sent(s, U1_STACK, trip - TICK).get(0).reading;
        assertThat(before).isEqualTo(model(U1_STACK, trip - TICK));
        Upload off = only(s, U1_STACK, trip, Upload.CN_FACILITY_STATUS);
        assertThat(off.timeMillis()).isEqualTo(trip);
        assertThat(off.textItems).isEqualTo(Map.of("SB1", Map.of("RS", "0")));
        for (long t : new long[] {trip, at(26, 11, 15), restart - TICK}) {
            Reading down = only(s, U1_STACK, t, Reading.CN_REALTIME).reading;
            double normalFlow = model(U1_STACK, t).values.get(ParameterCodes.FLOW).rtd;
            assertThat(down.values.get(ParameterCodes.FLOW).rtd).isCloseTo(normalFlow * 0.005, within(1.0));
            assertThat(down.values.get(ParameterCodes.LOAD_MW).rtd).isZero();
            assertThat(down.values.get(ParameterCodes.LOAD_MW).flag).isEqualTo("N");
            assertThat(down.values.get(ParameterCodes.O2).rtd).isEqualTo(20.9);
            assertThat(down.values.get(ParameterCodes.SO2).rtd).isEqualTo(0.3); // 2 % of 15 mg/m3
            assertThat(down.values.get(ParameterCodes.SO2).zsRtd).isNull();
            down.values.forEach((code, v) ->
                    assertThat(v.flag).as(code).isEqualTo(code.equals(ParameterCodes.LOAD_MW) ? "N" : "F"));
        }
        // the inlets of the same unit see the trip too, but only the targeted station reports it; unit 2 runs on
        assertThat(only(s, U1_FGD_IN, at(26, 11, 0), Reading.CN_REALTIME)
                        .reading
                        .values
                        .get(ParameterCodes.SO2)
                        .flag)
                .isEqualTo("F");
        assertThat(sent(s, U1_FGD_IN, trip)).noneMatch(u -> u.cn().equals(Upload.CN_FACILITY_STATUS));
        assertThat(sent(s, U2_STACK, at(26, 11, 0)).get(0).reading).isEqualTo(model(U2_STACK, at(26, 11, 0)));

        Upload on = only(s, U1_STACK, restart, Upload.CN_FACILITY_STATUS);
        assertThat(on.textItems).isEqualTo(Map.of("SB1", Map.of("RS", "1")));
        assertThat(only(s, U1_STACK, restart, Reading.CN_REALTIME).reading).isEqualTo(model(U1_STACK, restart));
    }

    @Test
    void instrumentStoppedFlagsTheAnalyserForAnHourWhileTheUnitRuns() {
        Scenarios s = place("instrument-stopped@0m");
        for (long t : new long[] {at(26, 10, 0), at(26, 10, 59) + 5 * TICK}) {
            Reading r = sent(s, U1_STACK, t).get(0).reading;
            Reading plain = model(U1_STACK, t);
            for (String gas : List.of(ParameterCodes.SO2, ParameterCodes.NOX, ParameterCodes.O2, ParameterCodes.CO2)) {
                assertThat(r.values.get(gas).flag).as(gas).isEqualTo("F");
                assertThat(r.values.get(gas).rtd).isEqualTo(plain.values.get(gas).rtd);
            }
            assertThat(r.values.get(ParameterCodes.FLOW)).isEqualTo(plain.values.get(ParameterCodes.FLOW));
            assertThat(r.values.get(ParameterCodes.LOAD_MW)).isEqualTo(plain.values.get(ParameterCodes.LOAD_MW));
            assertThat(sent(s, U1_STACK, t)).hasSize(1); // no facility status: nothing says the source stopped
        }
        assertThat(sent(s, U1_STACK, at(26, 11, 0)).get(0).reading).isEqualTo(model(U1_STACK, at(26, 11, 0)));
    }

    @Test
    void gapSendsNothingForThreeHours() {
        Scenarios s = place("gap@5m");
        assertThat(sent(s, U1_STACK, at(26, 11, 0) - TICK)).hasSize(1);
        for (long t = at(26, 11, 0); t < at(26, 14, 0); t += 10 * MINUTE) {
            assertThat(sent(s, U1_STACK, t)).isEmpty();
        }
        assertThat(sent(s, U1_STACK, at(26, 14, 0) - TICK)).isEmpty();
        assertThat(sent(s, U1_STACK, at(26, 14, 0))).hasSize(1);
        // with 10-minute data the records of 11:00-13:50 are the ones missing
        Scenarios minuteData = place("gap@5m", "interval-10m");
        assertThat(sent(minuteData, U1_STACK, at(26, 11, 0)))
                .singleElement()
                .satisfies(u -> assertThat(u.timeMillis()).isEqualTo(at(26, 10, 50)));
        assertThat(sent(minuteData, U1_STACK, at(26, 11, 10))).isEmpty();
        assertThat(sent(minuteData, U1_STACK, at(26, 14, 10)))
                .singleElement()
                .satisfies(u -> assertThat(u.timeMillis()).isEqualTo(at(26, 14, 0)));
    }

    @Test
    void invalidHoursFlagTheAnalyserCThenDThenM() {
        Scenarios s = place("invalid-hours@0m");
        assertThat(so2Flag(s, at(26, 10, 30))).isEqualTo("C");
        assertThat(so2Flag(s, at(26, 11, 30))).isEqualTo("D");
        assertThat(so2Flag(s, at(26, 12, 30))).isEqualTo("D");
        assertThat(so2Flag(s, at(26, 13, 30))).isEqualTo("M");
        assertThat(so2Flag(s, at(26, 14, 0)))
                .isEqualTo(model(U1_STACK, at(26, 14, 0)).values.get(ParameterCodes.SO2).flag);
        assertThat(sent(s, U1_STACK, at(26, 11, 30)).get(0).reading.values.get(ParameterCodes.FLOW).flag)
                .isEqualTo("N");
    }

    private String so2Flag(Scenarios s, long t) {
        return sent(s, U1_STACK, t).get(0).reading.values.get(ParameterCodes.SO2).flag;
    }

    @Test
    void overRangeSendsSo2AboveTheUpperLimitFlaggedTForTwentyMinutes() {
        Scenarios s = place("over-range@0m");
        double upperLimitMgM3 = 3 * 30; // 3 x the top of coal-boiler outlet SO2, 15-30 mg/m3
        for (long t = at(26, 10, 0); t < at(26, 10, 20); t += MINUTE) {
            ReadingValue so2 = sent(s, U1_STACK, t).get(0).reading.values.get(ParameterCodes.SO2);
            assertThat(so2.flag).isEqualTo("T");
            assertThat(so2.rtd).isBetween(1.2 * upperLimitMgM3, 1.3 * upperLimitMgM3);
            double o2 = model(U1_STACK, t).values.get(ParameterCodes.O2).rtd;
            assertThat(so2.zsRtd).isCloseTo(so2.rtd * (21 - 6) / (21 - o2), within(0.01));
        }
        assertThat(sent(s, U1_STACK, at(26, 10, 20)).get(0).reading).isEqualTo(model(U1_STACK, at(26, 10, 20)));
    }

    @Test
    void startUpHasO2At20Point5AndLowConcentrationsFlaggedN() {
        Scenarios s = place("startup@0m");
        Reading r = sent(s, U1_STACK, at(26, 10, 20)).get(0).reading;
        Reading plain = model(U1_STACK, at(26, 10, 20));
        assertThat(r.values.get(ParameterCodes.O2).rtd).isEqualTo(20.5);
        assertThat(r.values.get(ParameterCodes.SO2).rtd).isEqualTo(5.0); // a third of 15 mg/m3
        assertThat(r.values.get(ParameterCodes.SO2).zsRtd).isEqualTo(150.0); // 5 x (21 - 6) / (21 - 20.5)
        assertThat(r.values.get(ParameterCodes.NOX).rtd).isEqualTo(10.0); // a third of 30 mg/m3
        assertThat(r.values.get(ParameterCodes.FLOW).rtd)
                .isCloseTo(0.3 * plain.values.get(ParameterCodes.FLOW).rtd, within(1.0));
        assertThat(r.values.get(ParameterCodes.LOAD_MW).rtd).isZero();
        r.values.forEach((code, v) -> assertThat(v.flag).as(code).isEqualTo("N"));
        // rising over the first 10 minutes, falling back over the last 20
        double o2At5 = sent(s, U1_STACK, at(26, 10, 5)).get(0).reading.values.get(ParameterCodes.O2).rtd;
        double normalAt5 = model(U1_STACK, at(26, 10, 5)).values.get(ParameterCodes.O2).rtd;
        assertThat(o2At5).isCloseTo((normalAt5 + 20.5) / 2, within(0.01));
        assertThat(sent(s, U1_STACK, at(26, 10, 50)).get(0).reading.values.get(ParameterCodes.LOAD_MW).rtd)
                .isCloseTo(plain(at(26, 10, 50), ParameterCodes.LOAD_MW) * 0.5, within(0.01));
        assertThat(sent(s, U1_STACK, at(26, 11, 0)).get(0).reading).isEqualTo(model(U1_STACK, at(26, 11, 0)));
    }

    private double plain(long t, String code) {
        return model(U1_STACK, t).values.get(code).rtd;
    }

    @Test
    void stationUploadsRestartSiteInfoRunTimeAndHourlyStatus() {
        Scenarios s = place("station-uploads@0m");
        long t0 = at(26, 10, 0);

        Upload restart = only(s, U1_STACK, t0, Upload.CN_RESTART_TIME);
        assertThat(restart.restartTimeMillis).isEqualTo(at(26, 9, 58));
        Upload site = only(s, U1_STACK, t0, Upload.CN_SITE_INFO);
        assertThat(site.polId).isEqualTo(ParameterCodes.SO2);
        assertThat(site.textItems).isEqualTo(Map.of("i12001", Map.of("Info", "0")));
        Upload runTime = only(s, U1_STACK, t0, Upload.CN_FACILITY_RUN_TIME);
        assertThat(runTime.timeMillis()).isEqualTo(at(25, 0, 0));
        // SB1 the unit, then u1-stack's devices in registry order
        assertThat(runTime.textItems)
                .isEqualTo(Map.of("SB1", Map.of("RT", "24"), "SB2", Map.of("RT", "24"), "SB3", Map.of("RT", "24")));
        assertThat(runTime.textItems.keySet()).containsExactly("SB1", "SB2", "SB3");
        assertThat(only(s, U1_STACK, t0, Upload.CN_FACILITY_STATUS).textItems.get("SB2"))
                .isEqualTo(Map.of("RS", "1"));
        assertThat(only(s, U1_STACK, t0, Reading.CN_REALTIME).reading).isEqualTo(model(U1_STACK, t0));

        assertThat(sent(s, U1_STACK, at(26, 11, 0)))
                .extracting(Upload::cn)
                .containsExactly(Reading.CN_REALTIME, Upload.CN_FACILITY_STATUS);
        assertThat(sent(s, U1_STACK, at(26, 11, 0) + TICK))
                .extracting(Upload::cn)
                .containsExactly(Reading.CN_REALTIME);
        assertThat(only(s, U1_STACK, at(27, 0, 0), Upload.CN_FACILITY_RUN_TIME).timeMillis())
                .isEqualTo(at(26, 0, 0));
        assertThat(sent(s, U1_STACK, t0 - TICK)).hasSize(1);
    }

    @Test
    void badValuesBreakOneThingPerMinute() {
        Scenarios s = place("bad-values@0m");
        Upload nan = sent(s, U1_STACK, at(26, 10, 0)).get(0);
        String so2Flag = model(U1_STACK, at(26, 10, 0)).values.get(ParameterCodes.SO2).flag;
        assertThat(nan.textItems).isEqualTo(Map.of(ParameterCodes.SO2, Map.of("Rtd", "NaN", "Flag", so2Flag)));
        assertThat(nan.reading.values)
                .doesNotContainKey(ParameterCodes.SO2)
                .containsKeys(ParameterCodes.NOX, ParameterCodes.FLOW);
        assertThat(sent(s, U1_STACK, at(26, 10, 1)).get(0).textItems.get(ParameterCodes.SO2))
                .containsEntry("Rtd", "");
        assertThat(sent(s, U1_STACK, at(26, 10, 2)).get(0).textItems.get(ParameterCodes.SO2))
                .containsEntry("Rtd", "ERR");
        assertThat(sent(s, U1_STACK, at(26, 10, 3)).get(0).reading.values).containsOnlyKeys("a99948", "ele01");
        assertThat(sent(s, U1_STACK, at(26, 10, 4)).get(0).reading.values.get(ParameterCodes.SO2).rtd)
                .isEqualTo(-1.5);
        assertThat(sent(s, U1_STACK, at(26, 10, 5)).get(0).reading.values.get(ParameterCodes.O2).rtd)
                .isEqualTo(21.3);
        assertThat(sent(s, U1_STACK, at(26, 10, 6)).get(0).reading).isEqualTo(model(U1_STACK, at(26, 10, 6)));
        assertThat(sent(s, U1_STACK, at(26, 10, 0) + TICK).get(0).reading)
                .isEqualTo(model(U1_STACK, at(26, 10, 0) + TICK));
    }

    @Test
    void clockJumpStampsOneUploadFiveHoursAheadAndOneIn2099() {
        Scenarios s = place("clock-jump@0m");
        Upload ahead = sent(s, U1_STACK, at(26, 10, 0)).get(0);
        assertThat(ahead.timeMillis()).isEqualTo(at(26, 15, 0));
        assertThat(ahead.reading.values).isEqualTo(model(U1_STACK, at(26, 10, 0)).values);
        assertThat(sent(s, U1_STACK, at(26, 10, 30)).get(0).timeMillis())
                .isEqualTo(LocalDateTime.of(2099, 11, 26, 10, 30)
                        .atZone(SHANGHAI)
                        .toInstant()
                        .toEpochMilli());
        assertThat(sent(s, U1_STACK, at(26, 10, 0) + TICK).get(0).timeMillis()).isEqualTo(at(26, 10, 0) + TICK);
    }

    @Test
    void retransmitSendsOneUploadTwiceAndTenMinutesLate() {
        Scenarios s = place("retransmit@0m");
        List<Upload> repeat = sent(s, U1_STACK, at(26, 10, 1));
        assertThat(repeat).extracting(Upload::timeMillis).containsExactly(at(26, 10, 1), at(26, 10, 0));
        assertThat(repeat.get(1).reading)
                .isEqualTo(sent(s, U1_STACK, at(26, 10, 0)).get(0).reading);
        for (long t = at(26, 10, 2); t < at(26, 10, 12); t += TICK) {
            assertThat(sent(s, U1_STACK, t)).isEmpty();
        }
        List<Upload> late = sent(s, U1_STACK, at(26, 10, 32));
        assertThat(late).hasSize(1 + 60);
        assertThat(late.get(0).timeMillis()).isEqualTo(at(26, 10, 32));
        assertThat(late.subList(1, 61))
                .extracting(Upload::timeMillis)
                .containsExactlyElementsOf(LongStream.range(0, 60)
                        .mapToObj(k -> at(26, 10, 2) + k * TICK)
                        .toList());
    }

    @Test
    void loggerTotalsCarryCouPerPeriodAndADaySentOnlyAsItsDayRecord() {
        Scenarios s = place("logger-totals@0m");
        // minute 10:00-10:01: 6 real-time readings; Cou = mean SO2 (mg/m3) x mean flow (m3/h) x 1/60 h x 1e-6 kg/mg
        List<Reading> minute = modelReadings(U1_STACK, at(26, 10, 0), at(26, 10, 1));
        Upload record = only(s, U1_STACK, at(26, 10, 1), Reading.CN_MINUTE);
        ReadingValue so2 = record.reading.values.get(ParameterCodes.SO2);
        ReadingValue flow = record.reading.values.get(ParameterCodes.FLOW);
        assertThat(so2.avg).isCloseTo(mean(minute, ParameterCodes.SO2), within(0.006));
        assertThat(so2.cou).isCloseTo(so2.avg * flow.avg / 60 * 1e-6, within(0.0001));
        assertThat(flow.cou).isCloseTo(flow.avg / 60, within(1.0));
        assertThat(sent(s, U1_STACK, at(26, 10, 1) + TICK)).isEmpty();

        // hour 10:00-11:00: mean of its 60 minute means (HJ 212-2017 eq. 24); Cou its mean SO2 x mean flow x 1 h
        Upload hour = only(s, U1_STACK, at(26, 11, 0), Reading.CN_HOUR);
        assertThat(hour.timeMillis()).isEqualTo(at(26, 10, 0));
        List<Double> minuteMeans = new ArrayList<>();
        for (long m = at(26, 10, 0); m < at(26, 11, 0); m += MINUTE) {
            minuteMeans.add(Rounding.forReport(mean(modelReadings(U1_STACK, m, m + MINUTE), ParameterCodes.SO2)));
        }
        ReadingValue hourSo2 = hour.reading.values.get(ParameterCodes.SO2);
        assertThat(hourSo2.avg)
                .isCloseTo(minuteMeans.stream().mapToDouble(d -> d).average().orElseThrow(), within(0.006));
        assertThat(hourSo2.cou)
                .isCloseTo(hourSo2.avg * hour.reading.values.get(ParameterCodes.FLOW).avg * 1e-6, within(0.0001));
        assertThat(sent(s, U1_STACK, at(26, 10, 0) - TICK))
                .singleElement()
                .satisfies(u -> assertThat(u.isRealTime()).isTrue());

        // the day of the 26th, then the 27th reaches the platform only as its 2031, at its end
        Upload day = only(s, U1_STACK, at(27, 0, 0), Reading.CN_DAY);
        assertThat(day.timeMillis()).isEqualTo(at(26, 0, 0));
        assertThat(day.reading.values.get(ParameterCodes.SO2).cou).isGreaterThan(24 * 15 * 1.0e6 * 0.5 * 1e-6);
        // at midnight: the 26th's last minute, last hour and the day itself
        assertThat(sent(s, U1_STACK, at(27, 0, 0)))
                .extracting(Upload::cn, Upload::timeMillis)
                .containsExactlyInAnyOrder(
                        tuple(Reading.CN_MINUTE, at(26, 23, 59)),
                        tuple(Reading.CN_HOUR, at(26, 23, 0)),
                        tuple(Reading.CN_DAY, at(26, 0, 0)));
        assertThat(sent(s, U1_STACK, at(27, 10, 0))).isEmpty();
        assertThat(sent(s, U1_STACK, at(27, 13, 0))).isEmpty();
        Upload onlyDay = only(s, U1_STACK, at(28, 0, 0), Reading.CN_DAY);
        assertThat(onlyDay.timeMillis()).isEqualTo(at(27, 0, 0));
        assertThat(sent(s, U1_STACK, at(28, 0, 0))).hasSize(1);
        assertThat(sent(s, U1_STACK, at(28, 0, 1))).extracting(Upload::cn).containsExactly(Reading.CN_MINUTE);
    }

    @Test
    void aDayRecordsTotalIsTheSumOfItsHours() {
        Scenarios s = place("logger-totals@0m", "interval-30m");
        LoggerTotals totals = new LoggerTotals(new Placement(
                START,
                stack,
                registry.enterprises.get(0),
                null,
                List.of(stack),
                30 * MINUTE,
                TICK,
                SHANGHAI,
                model.noise()));
        Gateway upstream = place("interval-30m")::uploadsAt;
        double sumOfHours = 0;
        for (int h = 0; h < 24; h++) {
            sumOfHours += totals.hour(stack, at(26, h, 0), upstream).values.get(ParameterCodes.NOX).cou;
        }
        Upload day = only(s, U1_STACK, at(27, 0, 0), Reading.CN_DAY);
        assertThat(day.reading.values.get(ParameterCodes.NOX).cou).isCloseTo(sumOfHours, within(0.001));
        // the 30-minute records carry Cou for 30 minutes
        Upload half = only(s, U1_STACK, at(26, 10, 30), Reading.CN_MINUTE);
        ReadingValue nox = half.reading.values.get(ParameterCodes.NOX);
        assertThat(nox.cou)
                .isCloseTo(nox.avg * half.reading.values.get(ParameterCodes.FLOW).avg * 0.5 * 1e-6, within(0.0001));
    }

    @Test
    void theSameSeedGivesTheSameUploadsAndAnotherSeedOthers() {
        // every scenario but the two that silence the point
        String[] all = ScenarioCatalog.ALL.stream()
                .map(ScenarioType::name)
                .filter(n -> !n.equals("gap") && !n.equals("gateway-silent"))
                .map(n -> n.equals(ScenarioCatalog.MINUTE_DATA_FORM) ? "interval-5m" : n)
                .map(n -> n + "@0m")
                .toArray(String[]::new);
        PlantModel other = new PlantModel(registry, 8);
        Scenarios a = place(all);
        Scenarios b = place(all);
        Scenarios c = Scenarios.place(
                List.of(all).stream().map(ScenarioSpec::parse).toList(),
                Optional.empty(),
                other,
                registry,
                START,
                TICK);
        JsonPayloadEncoder json = new JsonPayloadEncoder(SHANGHAI);
        for (long t = at(26, 10, 0); t < at(26, 11, 0); t += MINUTE) {
            assertThat(json.encode(stack.source(), a.uploadsAt(stack, t)))
                    .isEqualTo(json.encode(stack.source(), b.uploadsAt(stack, t)));
        }
        assertThat(json.encode(stack.source(), a.uploadsAt(stack, at(26, 10, 20))))
                .isNotEqualTo(json.encode(stack.source(), c.uploadsAt(other.point(U1_STACK), at(26, 10, 20))));
    }

    @Test
    void scenarioSourceTargetsTheScenariosWithoutTarget() {
        Scenarios s = Scenarios.place(
                List.of(ScenarioSpec.parse("gap@0m"), ScenarioSpec.parse("instrument-stopped@0m:u1-stack")),
                Optional.of("u2-stack"),
                model,
                registry,
                START,
                TICK);
        assertThat(sent(s, U2_STACK, at(26, 10, 30))).isEmpty();
        assertThat(sent(s, U1_STACK, at(26, 10, 30)).get(0).reading.values.get(ParameterCodes.SO2).flag)
                .isEqualTo("F");
    }
}
