package org.cems.job.points;

import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.Hj2025Codes;

/**
 * HJ 212-2025 station measurements as points of their own measurement, at their DataTime, tagged
 * enterprise, source, mn and code:
 * <ul>
 * <li>{@code facility_power} (ST=44): tags {@code facility} (treatment for {@code d3xxxx},
 *     production for {@code d2xxxx}) and {@code device} (the registry's {@code power_meters}, else
 *     {@value #UNMAPPED}); fields {@code value} (Rtd, else Avg) and {@code flag};</li>
 * <li>{@code production_condition} (ST=45): tag {@code meaning} (the registry's
 *     {@code production_condition_marks}, else {@value #UNMAPPED}); field {@code mark} (text);</li>
 * <li>{@code voc_raw} (CN 2013) and {@code furnace_temperature} (CN 2111): one field per suffix as
 *     sent, in snake case ({@code avg}, {@code flag}, {@code sample_time}).</li>
 * </ul>
 * Numeric suffixes are float fields, every other suffix a string field, so each field has one type.
 */
public class StationMeasurementPoints implements MapFunction<StationMeasurement, InfluxPoint> {
    static final String UNMAPPED = "unmapped";
    private static final String PRIMARY_RTD = "Rtd";
    private static final String PRIMARY_AVG = "Avg";

    private final Registry registry;

    public StationMeasurementPoints(Registry registry) {
        this.registry = registry;
    }

    @Override
    public InfluxPoint map(StationMeasurement m) {
        SourceRef ref = registry.byMn(m.mn);
        InfluxPoint.Builder p = InfluxPoint.measurement(m.kind)
                .tag("enterprise", ref.enterprise().id)
                .tag("source", ref.source().id)
                .tag("mn", m.mn)
                .tag("code", m.code)
                .timeMillis(m.timeMillis);
        switch (m.kind) {
            case StationMeasurement.FACILITY_POWER -> {
                p.tag("facility", Hj2025Codes.isTreatmentFacilityPower(m.code) ? "treatment" : "production")
                        .tag("device", ref.source().powerMeters.getOrDefault(m.code, UNMAPPED))
                        .field("value", m.value());
                String primary = m.numbers.containsKey(PRIMARY_RTD) ? PRIMARY_RTD : PRIMARY_AVG;
                m.numbers.forEach((suffix, v) -> {
                    if (!suffix.equals(primary)) {
                        p.field(snake(suffix), v);
                    }
                });
                texts(p, m.texts);
            }
            case StationMeasurement.PRODUCTION_CONDITION ->
                p.tag("meaning", registry.productionConditionMarks.getOrDefault(m.mark(), UNMAPPED))
                        .field("mark", m.mark());
            default -> {
                m.numbers.forEach((suffix, v) -> p.field(snake(suffix), v));
                texts(p, m.texts);
            }
        }
        return p.build();
    }

    private static void texts(InfluxPoint.Builder p, Map<String, String> texts) {
        texts.forEach((suffix, text) -> p.field(snake(suffix), text));
    }

    /** {@code SampleTime} to {@code sample_time}, {@code ZsAvg} to {@code zs_avg}. */
    static String snake(String suffix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(suffix.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
