package org.cems.core.reading;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item of an HJ 212-2025 upload that is neither a pollutant reading nor a facility status:
 * electricity of a facility (ST=44, {@code d2xxxx}/{@code d3xxxx}), a key production condition
 * (ST=45, {@code pxxxxx} with its mark), VOCs raw data (CN 2013) or a furnace-temperature
 * 5-minute mean (CN 2111). Values keep their suffixes as sent: those HJ 212 defines as numbers
 * ({@code Rtd}, {@code Avg}, ...) in {@link #numbers}, every other one ({@code Flag}, a mark,
 * {@code SampleTime}) in {@link #texts}, so a field is always of one type. A Flink POJO.
 */
public class StationMeasurement {
    public static final String FACILITY_POWER = "facility_power";
    public static final String PRODUCTION_CONDITION = "production_condition";
    public static final String VOC_RAW = "voc_raw";
    public static final String FURNACE_TEMPERATURE = "furnace_temperature";

    public String mn;
    /** {@link #FACILITY_POWER}, {@link #PRODUCTION_CONDITION}, {@link #VOC_RAW} or {@link #FURNACE_TEMPERATURE}: the measurement it becomes. */
    public String kind;

    public String cn;
    /** DataTime. */
    public long timeMillis;
    /** The item's code: {@code d30106}, {@code p99101}, {@code a24088}, {@code a01901}. */
    public String code;

    public Map<String, Double> numbers = new LinkedHashMap<>();
    public Map<String, String> texts = new LinkedHashMap<>();

    public StationMeasurement() {}

    public StationMeasurement(String mn, String kind, String cn, long timeMillis, String code) {
        this.mn = mn;
        this.kind = kind;
        this.cn = cn;
        this.timeMillis = timeMillis;
        this.code = code;
    }

    /** The value of a real-time item, else of a statistics one: {@code Rtd}, else {@code Avg}; null when neither. */
    public Double value() {
        Double rtd = numbers.get("Rtd");
        return rtd != null ? rtd : numbers.get("Avg");
    }

    /** ST=45: the condition mark ({@code p99101-Rtd=St}); null otherwise. */
    public String mark() {
        return texts.get("Rtd");
    }

    @Override
    public String toString() {
        return kind + "{" + mn + " " + code + " @" + timeMillis + " " + numbers + " " + texts + "}";
    }
}
