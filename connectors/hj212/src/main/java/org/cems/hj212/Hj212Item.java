package org.cems.hj212;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * All values of one monitored factor (or facility) in a CP: {@code a21026-Rtd=12.3,a21026-Flag=N}
 * becomes code {@code a21026} with values {@code {Rtd=12.3, Flag=N}}. Values are kept as text,
 * exactly as sent; absent and empty values are not in the map.
 *
 * @param code   factor code, HJ 212-2017 form ({@code a21026}); legacy 2005 codes are mapped on
 *               decode. Facility status uses {@code SBxxx}.
 * @param values suffix to value, in wire order. Known suffixes use the standard's spelling
 *               ({@link #RTD} ...); unknown suffixes are kept as sent.
 */
public record Hj212Item(String code, Map<String, String> values) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RTD = "Rtd";
    public static final String MIN = "Min";
    public static final String AVG = "Avg";
    public static final String MAX = "Max";
    public static final String ZS_RTD = "ZsRtd";
    public static final String ZS_MIN = "ZsMin";
    public static final String ZS_AVG = "ZsAvg";
    public static final String ZS_MAX = "ZsMax";
    public static final String COU = "Cou";
    public static final String FLAG = "Flag";
    public static final String EFLAG = "EFlag";
    public static final String SAMPLE_TIME = "SampleTime";
    /** {@code SBxxx-RS}: facility run status, 0 off ... 5 blowback. */
    public static final String RUN_STATUS = "RS";
    /** {@code SBxxx-RT}: facility run hours in the day. */
    public static final String RUN_TIME = "RT";

    public Hj212Item {
        Objects.requireNonNull(code, "code");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value for a suffix such as {@link #RTD}, if present. */
    public Optional<String> value(String suffix) {
        return Optional.ofNullable(values.get(suffix));
    }

    /** The value for a suffix parsed as a number; empty if absent or not a finite number. */
    public OptionalDouble number(String suffix) {
        String v = values.get(suffix);
        if (v == null || !looksNumeric(v)) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Plain decimal notation only: Double.parseDouble would also take "NaN", "0x1p3" or "1d". */
    private static boolean looksNumeric(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return !v.isEmpty();
    }

    /** The {@code -Flag} value as a known data flag, if present and known. */
    public Optional<DataFlag> dataFlag() {
        return DataFlag.of(values.get(FLAG));
    }
}
