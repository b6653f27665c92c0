package org.cems.faults;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;

/**
 * The deterministic replay every fault case sends: two sources, one real-time reading per minute
 * each, every value a function of the minute. Even minutes go over MQTT, odd ones over Kafka. The
 * expected hourly {@code emission} masses are computed here from the same functions, by HJ 212-2017
 * App. D (mean of the minutes × mean flow × 1 h, eq. 24 and 33), not by the job's code.
 */
final class Replay {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long START =
            LocalDate.of(2026, 11, 25).atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final int HOURS = 4;
    /** Past the last hour by more than the job's out-of-orderness (10 min), so that hour closes by data. */
    static final int MINUTES = HOURS * 60 + 15;

    static final String STACK_MN = "FLTMN0000000000000000001";
    static final String VENT_MN = "FLTMN0000000000000000002";

    static final IntToDoubleFunction STACK_SO2 = m -> 20 + m % 7;
    static final IntToDoubleFunction STACK_NOX = m -> 35 + 0.25 * (m % 5);
    static final IntToDoubleFunction STACK_O2 = m -> 6 + 0.5 * (m % 3);
    static final IntToDoubleFunction STACK_FLOW = m -> 1.8e6 + 1000 * (m % 11);
    static final IntToDoubleFunction VENT_NMHC = m -> 10 + 0.5 * (m % 9);
    static final IntToDoubleFunction VENT_FLOW = m -> 50_000 + 10 * (m % 13);

    /** Source, pollutant and the functions its hourly mass comes from. */
    record Series(String source, String pollutant, IntToDoubleFunction conc, IntToDoubleFunction flow) {
        /** Expected {@code mass_kg} of hour {@code h}: every minute is valid, so the hour is too. */
        double hourMassKg(int h) {
            return mean(conc, h) * mean(flow, h) * 1e-6; // eq. (33) rate in kg/h × 1 h
        }

        private static double mean(IntToDoubleFunction f, int h) {
            double sum = 0;
            for (int m = h * 60; m < h * 60 + 60; m++) {
                sum += f.applyAsDouble(m);
            }
            return sum / 60;
        }
    }

    static final List<Series> SERIES = List.of(
            new Series("u1-stack", "a21026", STACK_SO2, STACK_FLOW),
            new Series("u1-stack", "a21002", STACK_NOX, STACK_FLOW),
            new Series("vent", "a24088", VENT_NMHC, VENT_FLOW));

    /** Reading values per minute and source: 4 for the stack, 2 for the vent. */
    static final int VALUES_PER_MINUTE = 6;

    private final ReadingJson json = new ReadingJson(ZONE);

    /** The payloads of minute {@code m}, each with the MN it is keyed or addressed by. */
    List<Map.Entry<String, String>> minute(int m) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry(STACK_MN, json.encode(List.of(stack(m)))));
        out.add(Map.entry(VENT_MN, json.encode(List.of(vent(m)))));
        return out;
    }

    static boolean overMqtt(int m) {
        return m % 2 == 0;
    }

    private static Reading stack(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", value(STACK_SO2.applyAsDouble(m)));
        values.put("a21002", value(STACK_NOX.applyAsDouble(m)));
        values.put("a19001", value(STACK_O2.applyAsDouble(m)));
        values.put("a00000", value(STACK_FLOW.applyAsDouble(m)));
        return new Reading(STACK_MN, "2011", START + m * MINUTE, values);
    }

    private static Reading vent(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a24088", value(VENT_NMHC.applyAsDouble(m)));
        values.put("a00000", value(VENT_FLOW.applyAsDouble(m)));
        return new Reading(VENT_MN, "2011", START + m * MINUTE, values);
    }

    private static ReadingValue value(double v) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = v;
        rv.flag = "N";
        return rv;
    }
}
