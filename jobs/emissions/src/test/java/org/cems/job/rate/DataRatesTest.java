package org.cems.job.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.SourcePeriod;
import org.cems.job.emission.SourceWindows;
import org.cems.job.emission.WindowSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transmission and validity rates through the real operators: the source windows, the per-source
 * record counts and the city's rates, on registry-test.yaml (enterprise power: u1-stack reports,
 * u2-stack never does, u3-stack never does, at 15 minutes, stop schedule 10:30 to 12:00).
 */
class DataRatesTest {
    static final String MN1 = "TESTMN000000000000000001";
    static final String MN2 = "TESTMN000000000000000002";
    static final String ZONE = "Asia/Shanghai";
    static final long HOUR10 =
            OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long DAY =
            OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    /** Long enough for a record of 10:25 to correct hour 10 after 13:00. */
    static final long LATENESS = 6 * HOUR;

    private final Normalizer normalizer = new Normalizer();
    private Registry registry;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord> windows;
    private KeyedOneInputStreamOperatorTestHarness<String, SourcePeriod, DataRate> counts;
    private KeyedOneInputStreamOperatorTestHarness<String, DataRate, DataRate> rates;
    private int windowsPassed;
    private int countsPassed;

    @BeforeEach
    void open() throws Exception {
        registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        windows = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new SourceWindows(registry, new WindowSettings(0, LATENESS, 5 * MINUTE, ZONE, 1))),
                r -> r.mn,
                f -> f.mn,
                Types.STRING);
        counts = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SourceRecordCounts(ZONE, LATENESS)),
                SourcePeriod::sourceKey,
                Types.STRING);
        rates = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DataRates(registry, ZONE, LATENESS)), DataRates.ONE_KEY, Types.STRING);
        windows.open();
        counts.open();
        rates.open();
    }

    @AfterEach
    void close() throws Exception {
        windows.close();
        counts.close();
        rates.close();
    }

    /** A CN 2051 record of u1-stack: SO2 with {@code flag}, O2 6 %, flow (0 with flag F: the source stopped, corroborated). */
    void send(long time, String flag, double flowM3H) throws Exception {
        send(MN1, "2051", time, flag, flowM3H);
    }

    void send(String mn, String cn, long time, String flag, double flowM3H) throws Exception {
        send(mn, cn, time, flag, flowM3H, Map.of());
    }

    /** As above, with {@code more} pollutants besides SO2 (code → flag). */
    void send(String mn, String cn, long time, String flag, double flowM3H, Map<String, String> more) throws Exception {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", value(20.0, flag));
        more.forEach((code, f) -> values.put(code, value(40.0, f)));
        values.put("a19001", value(6.0, "N"));
        values.put("a00000", value(flowM3H, "N"));
        windows.processElement1(normalizer.normalize(new Reading(mn, cn, time, values), registry.byMn(mn)), time);
        List<SourcePeriod> emitted = windows.getSideOutput(SourceWindows.PERIODS) == null
                ? List.of()
                : windows.getSideOutput(SourceWindows.PERIODS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        for (SourcePeriod p : emitted.subList(windowsPassed, emitted.size())) {
            counts.processElement(p, 0);
        }
        windowsPassed = emitted.size();
        List<DataRate> hours = counts.extractOutputValues();
        for (DataRate h : hours.subList(countsPassed, hours.size())) {
            rate(h);
        }
        countsPassed = hours.size();
    }

    /** One source hour into the rates, then the flush of the enterprise and city figures it changed. */
    void rate(DataRate sourceHour) throws Exception {
        rates.processElement(sourceHour, 0);
        rates.setProcessingTime(rates.getProcessingTime() + DataRates.FLUSH_MS);
    }

    /** Processing time past the check of every hour's silent sources. */
    void silentSourcesChecked() throws Exception {
        rates.setProcessingTime(rates.getProcessingTime() + DataRates.SILENT_AFTER_MS);
    }

    static ReadingValue value(double v, String flag) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = v;
        rv.flag = flag;
        return rv;
    }

    /** The last figures written for one scope, enterprise, source, window and start. */
    DataRate last(String scope, String enterprise, String source, String window, long start) {
        List<DataRate> all = rates.extractOutputValues().stream()
                .filter(r -> r.scope.equals(scope)
                        && r.enterprise.equals(enterprise)
                        && r.source.equals(source)
                        && r.window.equals(window)
                        && r.windowStartMillis == start)
                .toList();
        assertThat(all)
                .as("%s %s/%s %s at %d", scope, enterprise, source, window, start)
                .isNotEmpty();
        return all.get(all.size() - 1);
    }

    static void assertCounts(DataRate r, long expected, long received, long valid) {
        assertThat(new long[] {r.expected, r.received, r.valid})
                .as("expected, received, valid")
                .containsExactly(expected, received, valid);
    }

    /**
     * u1-stack at 5 minutes: hour 10 misses 10:25 and has 10:40 flagged D; hour 11 is stopped (F,
     * no flow) throughout; hour 12 is complete. A reading at 13:00 closes hour 12.
     */
    void threeHours() throws Exception {
        for (int k = 0; k < 12; k++) {
            if (k != 5) {
                send(HOUR10 + k * 5 * MINUTE, k == 8 ? "D" : "N", 1_000_000);
            }
        }
        for (int k = 0; k < 12; k++) {
            send(HOUR10 + HOUR + k * 5 * MINUTE, "F", 0);
        }
        for (int k = 0; k < 13; k++) {
            send(HOUR10 + 2 * HOUR + k * 5 * MINUTE, "N", 1_000_000);
        }
    }

    @Test
    void aReportingSourceByHourAndDay() throws Exception {
        threeHours();
        // hour 10: 60 / 5 = 12 due, 11 came (10:25 missing), 10 valid (10:40 flagged D)
        DataRate h10 = last(DataRate.SOURCE, "power", "u1-stack", "1h", HOUR10);
        assertCounts(h10, 12, 11, 10);
        assertThat(h10.intervalMinutes).isEqualTo(5);
        assertThat(h10.transmissionPct()).isCloseTo(100.0 * 11 / 12, within(1e-9)); // 91.67 %
        assertThat(h10.validityPct()).isCloseTo(100.0 * 10 / 11, within(1e-9)); // 90.91 %
        assertThat(h10.transmissionValidityPct()).isCloseTo(100.0 * 10 / 12, within(1e-9)); // 83.33 %
        // hour 11: stopped 60 minutes, nothing due, no rate
        DataRate h11 = last(DataRate.SOURCE, "power", "u1-stack", "1h", HOUR10 + HOUR);
        assertCounts(h11, 0, 0, 0);
        assertThat(h11.transmissionPct()).isNull();
        assertCounts(last(DataRate.SOURCE, "power", "u1-stack", "1h", HOUR10 + 2 * HOUR), 12, 12, 12);
        // the day so far: 12 + 0 + 12 due, 11 + 12 came, 10 + 12 valid
        DataRate day = last(DataRate.SOURCE, "power", "u1-stack", "1d", DAY);
        assertCounts(day, 24, 23, 22);
        assertThat(day.transmissionPct()).isCloseTo(100.0 * 23 / 24, within(1e-9)); // 95.83 %
        assertThat(day.validityPct()).isCloseTo(100.0 * 22 / 23, within(1e-9)); // 95.65 %
        assertThat(day.transmissionValidityPct()).isCloseTo(100.0 * 22 / 24, within(1e-9)); // 91.67 %
    }

    @Test
    void sourcesThatNeverReportAreAtZero() throws Exception {
        threeHours();
        silentSourcesChecked();
        // u2-stack: no interval in the registry, none sent: 1 minute, 60 due an hour
        DataRate u2 = last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10);
        assertCounts(u2, 60, 0, 0);
        assertThat(u2.transmissionPct()).isZero();
        assertThat(u2.transmissionValidityPct()).isZero();
        assertThat(u2.validityPct()).isNull();
        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1d", DAY), 180, 0, 0);
        // u3-stack: 15 minutes, stop schedule 10:30-12:00: hour 10 owes 30 / 15 = 2, hour 11 none, hour 12 four
        assertCounts(last(DataRate.SOURCE, "power", "u3-stack", "1h", HOUR10), 2, 0, 0);
        assertCounts(last(DataRate.SOURCE, "power", "u3-stack", "1h", HOUR10 + HOUR), 0, 0, 0);
        assertCounts(last(DataRate.SOURCE, "power", "u3-stack", "1h", HOUR10 + 2 * HOUR), 4, 0, 0);
        assertCounts(last(DataRate.SOURCE, "power", "u3-stack", "1d", DAY), 6, 0, 0);
    }

    @Test
    void enterpriseAndCitySumTheirSources() throws Exception {
        threeHours();
        // hour 10: 12 + 60 + 2 due; hour 11: 0 + 60 + 0; hour 12: 12 + 60 + 4
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1h", HOUR10), 74, 11, 10);
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1h", HOUR10 + HOUR), 60, 0, 0);
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1h", HOUR10 + 2 * HOUR), 76, 12, 12);
        DataRate day = last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1d", DAY);
        assertCounts(day, 210, 23, 22);
        assertThat(day.transmissionPct()).isCloseTo(100.0 * 23 / 210, within(1e-9)); // 10.95 %
        assertThat(day.validityPct()).isCloseTo(100.0 * 22 / 23, within(1e-9)); // 95.65 %
        assertThat(day.transmissionValidityPct()).isCloseTo(100.0 * 22 / 210, within(1e-9)); // 10.48 %
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1d", DAY), 210, 23, 22);
    }

    @Test
    void aLateRecordCorrectsItsHourTheDayAndTheSums() throws Exception {
        threeHours();
        send(HOUR10 + 25 * MINUTE, "N", 1_000_000); // 10:25 arrives after 13:00, within the allowed lateness
        assertCounts(last(DataRate.SOURCE, "power", "u1-stack", "1h", HOUR10), 12, 12, 11);
        assertCounts(last(DataRate.SOURCE, "power", "u1-stack", "1d", DAY), 24, 24, 23);
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1h", HOUR10), 74, 12, 11);
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1d", DAY), 210, 24, 23);
    }

    /**
     * The city's hours are kept as sums and changed by the one source hour that replaces another:
     * after every hour, corrected or at a new interval, the city's hour and day are what the one
     * enterprise's are, which are summed from the sources' hours each time.
     */
    @Test
    void theCitySumsFollowEveryReplacedHourAndInterval() throws Exception {
        long[][] inputs = {
            // hour offset, interval, received, valid
            {0, 5, 11, 10},
            {1, 5, 12, 12},
            {0, 5, 12, 11},
            {0, 1, 50, 49},
            {2, 1, 60, 60},
            {1, 1, 30, 30},
            {2, 1, 59, 58}
        };
        for (long[] in : inputs) {
            DataRate h = DataRate.of(
                    DataRate.SOURCE, "power", in[0] == 1 ? "u2-stack" : "u1-stack", "1h", HOUR10 + in[0] * HOUR);
            h.intervalMinutes = (int) in[1];
            h.expected = 60 / in[1];
            h.received = in[2];
            h.valid = in[3];
            rate(h);
            for (String window : List.of("1h", "1d")) {
                long start = window.equals("1h") ? h.windowStartMillis : DAY;
                DataRate city = last(DataRate.CITY, DataRates.NONE, DataRates.NONE, window, start);
                DataRate enterprise = last(DataRate.ENTERPRISE, "power", DataRates.NONE, window, start);
                assertCounts(city, enterprise.expected, enterprise.received, enterprise.valid);
            }
        }
        // the last day: u1 hours 10 and 12 as sent and 11 silent at 1 minute, u2 hour 11 as sent and hours 10
        // and 12 silent at the 1 minute it last sent, u3 2 + 0 + 4 due
        assertCounts(
                last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1d", DAY),
                3 * 60 + 3 * 60 + 6,
                50 + 59 + 30,
                49 + 58 + 30);
    }

    @Test
    void aSourceSendingHourDataAloneOwesARecordAnHour() throws Exception {
        threeHours();
        silentSourcesChecked();
        // u2-stack sends CN 2061 for hours 10 and 12, nothing for 11: one record an hour, 11 missing
        send(MN2, "2061", HOUR10, "N", 1_000_000);
        send(MN2, "2061", HOUR10 + 2 * HOUR, "N", 1_000_000);
        DataRate h10 = last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10);
        assertCounts(h10, 1, 1, 1);
        assertThat(h10.intervalMinutes).isEqualTo(60);
        // hour 11 was first written at 1 minute (60 due); the interval learned makes it 1 due
        assertThat(rates.extractOutputValues()).anySatisfy(r -> {
            assertThat(r.source + " " + r.window + " " + r.windowStartMillis)
                    .isEqualTo("u2-stack 1h " + (HOUR10 + HOUR));
            assertThat(r.expected).isEqualTo(60);
        });
        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10 + HOUR), 1, 0, 0);
        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10 + 2 * HOUR), 1, 1, 1);
        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1d", DAY), 3, 2, 2);
        // hour 11: u1 stopped (0), u2 1, u3 scheduled stop (0)
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1h", HOUR10 + HOUR), 1, 0, 0);
        // the day: u1 24/23/22, u2 3/2/2, u3 6/0/0
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1d", DAY), 33, 25, 24);
    }

    /**
     * A logger sending hour data alone (CN 2061) with SO2 valid and NOx flagged D (HJ 212-2017: instrument
     * fault) in the same hour: one record received, not valid, whichever pollutant the windows emit last.
     */
    @Test
    void anHourRecordWithOneInvalidPollutantIsReceivedButNotValid() throws Exception {
        threeHours();
        send(MN2, "2061", HOUR10, "N", 1_000_000, Map.of("a21002", "D"));
        send(MN2, "2061", HOUR10 + 2 * HOUR, "N", 1_000_000, Map.of("a21002", "N"));

        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10), 1, 1, 0);
        assertCounts(last(DataRate.SOURCE, "power", "u2-stack", "1h", HOUR10 + 2 * HOUR), 1, 1, 1);
    }

    static DataRate hourOf(String source, long hour, int interval, long received, long valid) {
        DataRate h = DataRate.of(DataRate.SOURCE, "power", source, "1h", hour);
        h.intervalMinutes = interval;
        h.expected = 60 / interval;
        h.received = received;
        h.valid = valid;
        return h;
    }

    /**
     * At an hour's close every source reports it within seconds: a source that reports within
     * {@link DataRates#SILENT_AFTER_MS} of the hour's first report is never written at 0 % first;
     * one that does not is written at 0 % once, when that time is up.
     */
    @Test
    void onlyTheSourcesSilentAMinuteAfterAnHoursFirstReportAreWrittenAtZero() throws Exception {
        rate(hourOf("u1-stack", HOUR10, 5, 12, 12));
        rate(hourOf("u2-stack", HOUR10, 1, 60, 59));
        assertThat(rates.extractOutputValues())
                .noneSatisfy(r -> assertThat(r.source).isEqualTo("u3-stack"))
                .filteredOn(r -> r.source.equals("u2-stack"))
                .allSatisfy(r -> assertThat(r.received).isEqualTo(60));

        silentSourcesChecked();

        // u3-stack: 15 minutes, stopped from 10:30: 2 due, none came
        assertThat(rates.extractOutputValues())
                .filteredOn(r -> r.source.equals("u3-stack") && r.window.equals("1h"))
                .singleElement()
                .satisfies(r -> assertCounts(r, 2, 0, 0));
        assertCounts(last(DataRate.SOURCE, "power", "u3-stack", "1d", DAY), 2, 0, 0);
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1h", HOUR10), 74, 72, 71);
    }

    /** At an hour's close every source reports it: the enterprise and the city are written once per flush, not once per source. */
    @Test
    void theEnterpriseAndTheCityAreWrittenOncePerFlush_notOncePerSourceHour() throws Exception {
        rates.processElement(hourOf("u1-stack", HOUR10, 5, 12, 12), 0);
        rates.processElement(hourOf("u2-stack", HOUR10, 1, 60, 59), 0);
        assertThat(rates.extractOutputValues())
                .allSatisfy(r -> assertThat(r.scope).isEqualTo(DataRate.SOURCE));

        rates.setProcessingTime(DataRates.FLUSH_MS);

        List<DataRate> sums = rates.extractOutputValues().stream()
                .filter(r -> !r.scope.equals(DataRate.SOURCE))
                .toList();
        assertThat(sums)
                .extracting(r -> r.scope + " " + r.window)
                .containsExactlyInAnyOrder("enterprise 1h", "enterprise 1d", "city 1h", "city 1d");
        // u1 12/12/12, u2 60/60/59, u3 (15 minutes, stopped from 10:30) 2/0/0
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1h", HOUR10), 74, 72, 71);
    }

    /** The sums are not state: a restored job sums again from the source hours, and writes what the checkpoint left pending. */
    @Test
    void aRestoredJobWritesThePendingSumsAndSumsAgainFromTheSourceHours() throws Exception {
        rate(hourOf("u1-stack", HOUR10, 5, 11, 10));
        rates.processElement(hourOf("u2-stack", HOUR10, 1, 30, 30), 0);
        var snapshot = rates.snapshot(1, 0);
        rates.close();
        rates = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DataRates(registry, ZONE, LATENESS)), DataRates.ONE_KEY, Types.STRING);
        rates.initializeState(snapshot);
        rates.open();

        rates.setProcessingTime(10 * DataRates.FLUSH_MS);
        // u1 12/11/10, u2 60/30/30, u3 2/0/0
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1h", HOUR10), 74, 41, 40);
        rate(hourOf("u1-stack", HOUR10, 5, 12, 12));
        assertCounts(last(DataRate.CITY, DataRates.NONE, DataRates.NONE, "1h", HOUR10), 74, 42, 42);
        assertCounts(last(DataRate.ENTERPRISE, "power", DataRates.NONE, "1d", DAY), 74, 42, 42);
    }
}
