package org.cems.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.hj212.ParameterCodes;

/**
 * bad-values: from the first data step at or after START (a minute, or the point's interval-Nm),
 * six consecutive data uploads of the targeted point each carry one broken thing among good items:
 * <ol>
 * <li>SO2 (its first pollutant where it has none) sent as {@code NaN};</li>
 * <li>the same sent empty ({@code a21026-Rtd=} in HJ 212, {@code ""} in JSON);</li>
 * <li>the same sent as the text {@code ERR};</li>
 * <li>only parameter codes no standard defines ({@code a99948}, {@code ele01}: seen in real traffic);</li>
 * <li>the same pollutant negative ({@code -1.5}, an analyser's zero drift);</li>
 * <li>O2 at 21.3 % (at or above air's 21 %); moisture at 100 % where the point has no O2.</li>
 * </ol>
 */
final class BadValues implements Scenario {
    static final String NOT_A_NUMBER = "NaN";
    static final String EMPTY = "";
    static final String NON_NUMERIC = "ERR";
    static final double NEGATIVE_CONCENTRATION = -1.5;
    static final double O2_ABOVE_AIR_PCT = 21.3;
    static final double SATURATED_MOISTURE_PCT = 100.0;
    static final List<String> UNKNOWN_CODES = List.of("a99948", "ele01");
    static final int VARIANTS = 6;

    private final Placement at;
    private final long startMillis;
    private final String pollutant;

    BadValues(Placement at) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), at.dataStepMillis());
        this.pollutant = at.mainPollutant();
    }

    /** When the data upload with broken thing {@code variant} (0-5) is sent. */
    long timeOf(int variant) {
        return startMillis + variant * at.dataStepMillis();
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        if (!at.targets(point)) {
            return uploads;
        }
        for (int variant = 0; variant < VARIANTS; variant++) {
            if (at.sendsAt(timeOf(variant), tickMillis)) {
                for (Upload u : uploads) {
                    if (u.isData()) {
                        breakOne(u, variant);
                    }
                }
            }
        }
        return uploads;
    }

    private void breakOne(Upload u, int variant) {
        Reading r = u.reading;
        String suffix = u.isRealTime() ? "Rtd" : "Avg";
        switch (variant) {
            case 0 -> asText(u, suffix, NOT_A_NUMBER);
            case 1 -> asText(u, suffix, EMPTY);
            case 2 -> asText(u, suffix, NON_NUMERIC);
            case 3 -> {
                Map<String, ReadingValue> unknown = new LinkedHashMap<>();
                UNKNOWN_CODES.forEach(code -> unknown.put(code, value(u, 1.0)));
                r.values.clear();
                r.values.putAll(unknown);
            }
            case 4 -> setPrimary(r.values.get(pollutant), NEGATIVE_CONCENTRATION);
            default -> {
                if (r.values.containsKey(ParameterCodes.O2)) {
                    setPrimary(r.values.get(ParameterCodes.O2), O2_ABOVE_AIR_PCT);
                } else {
                    setPrimary(r.values.get(ParameterCodes.MOISTURE), SATURATED_MOISTURE_PCT);
                }
            }
        }
    }

    /** Replaces the pollutant's numbers by one text value, keeping its flag. */
    private void asText(Upload u, String suffix, String text) {
        ReadingValue v = u.reading.values.remove(pollutant);
        u.textItem(pollutant, suffix, text).textItem(pollutant, "Flag", v == null ? "N" : v.flagOrNormal());
    }

    private static ReadingValue value(Upload u, double number) {
        ReadingValue v = new ReadingValue();
        if (u.isRealTime()) {
            v.rtd = number;
        } else {
            v.avg = number;
        }
        v.flag = "N";
        return v;
    }

    /** Sets every number of a value (Rtd or Min/Avg/Max, and the reference-O2 ones in proportion). */
    private static void setPrimary(ReadingValue v, double number) {
        Double old = v.primary();
        Double zsPerValue = old == null || old == 0.0 || v.primaryZs() == null ? null : v.primaryZs() / old;
        if (v.avg == null) {
            v.rtd = number;
            v.zsRtd = zsPerValue == null ? null : Rounding.forReport(number * zsPerValue);
            return;
        }
        v.avg = number;
        v.min = v.min == null ? null : number;
        v.max = v.max == null ? null : number;
        if (zsPerValue != null) {
            v.zsAvg = Rounding.forReport(number * zsPerValue);
            v.zsMin = v.zsMin == null ? null : v.zsAvg;
            v.zsMax = v.zsMax == null ? null : v.zsAvg;
        }
    }
}
