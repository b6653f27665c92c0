package org.cems.core.normalize;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.reading.Rejection;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.registry.Units;

/**
 * Brings each reported value to the basis the standards report on (HJ 212-2017 Appendix D.2):
 * units to mg/m3 and m3/h, wet to dry, NOx as NO2, and the reference-O2 concentration. Values
 * that cannot be physical (negative concentrations, moisture of 100 % or more, O2 of 21 % or
 * more, a flow beyond the source's plausible maximum) are kept as reported but not valid, and
 * reported as problems with their reason.
 */
public final class Normalizer implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String NOX = "a21002";
    static final String NO = "a21003";
    static final String NO2 = "a21004";
    static final String MOISTURE = "a01014";
    static final String VELOCITY = "a01011";
    static final String TEMPERATURE = "a01012";
    static final String STATIC_PRESSURE = "a01013";
    static final String DUCT_AREA = "a01016";
    private static final double PA_PER_KPA = 1000.0;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double PCT_ALL = 100.0;
    static final String NORMAL = "N";
    static final String OVER_RANGE = "T";

    private final boolean overRangeIsValid;

    /** Over-range values (flag T) are valid data, as {@code over_range: use_reported} (the default) has it. */
    public Normalizer() {
        this(true);
    }

    /**
     * @param overRangeIsValid whether a value flagged T (above the analyser's upper limit, HJ 212-2017
     *     Table 8) counts as valid data: the true value is at least the reported one, so it enters the
     *     means and the exceedance judgement instead of leaving an invalid hour that hides the worst ones
     */
    public Normalizer(boolean overRangeIsValid) {
        this.overRangeIsValid = overRangeIsValid;
    }

    /** Normalises without reporting problems (benchmarks and tests); the job uses the three-argument form. */
    public SourceReading normalize(Reading reading, SourceRef ref) {
        return normalize(reading, ref, problem -> { });
    }

    /** @param problems receives each value made invalid by a range check, with its reason */
    public SourceReading normalize(Reading reading, SourceRef ref, Consumer<Rejection> problems) {
        Source source = ref.source();
        SourceReading out = new SourceReading();
        out.enterprise = ref.enterprise().id;
        out.park = ref.enterprise().park;
        out.industry = ref.enterprise().industry;
        out.source = source.id;
        out.mn = reading.mn;
        out.cn = reading.cn;
        out.timeMillis = reading.timeMillis;

        Set<String> implausible = new HashSet<>();
        for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
            String reason = implausibleReason(e.getKey(), e.getValue());
            if (reason != null) {
                implausible.add(e.getKey());
                problems.accept(problem(reason, e.getKey() + " = " + e.getValue().primary() + " is not physical", reading));
            }
        }
        Double sitePressureKpa = source.sitePressureKpa();
        FlueState flue = new FlueState(usable(reading, MOISTURE, implausible), usable(reading, TEMPERATURE, implausible),
                sitePressureKpa == null ? null : sitePressureKpa * PA_PER_KPA, staticPressurePa(reading));
        for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
            ReadingValue v = e.getValue();
            Double primary = v.primary();
            if (primary == null) {
                continue;
            }
            boolean valid = isValid(v) && !implausible.contains(e.getKey());
            out.reported.put(e.getKey(), new Measure(primary, v.primaryZs(), valid, v.flagOrNormal()));
            out.measures.put(e.getKey(), toStandardDry(e.getKey(), primary, valid, v.flagOrNormal(), source, flue));
        }
        addFlowFromVelocity(out.measures, reading, source, flue, problems);
        checkFlow(out, source, reading, problems);
        addNoxFromNoAndNo2(out.measures);
        addReferenceO2(out.measures, reading, source);
        return out;
    }

    private static boolean overRange(Measure m) {
        return m != null && OVER_RANGE.equals(m.flag);
    }

    /** Only flag N counts as valid (a missing flag is N), and T too where over-range values are used. */
    private boolean isValid(ReadingValue v) {
        String flag = v.flagOrNormal();
        return NORMAL.equals(flag) || (overRangeIsValid && OVER_RANGE.equals(flag));
    }

    /**
     * The reason a value that would be used cannot be physical, or null. Concentrations are never
     * negative; moisture (Xsw of eq. 19) is a share below 100 %; dry O2 lies in [0, 21) (eq. 28
     * divides by 21 − O2).
     */
    private String implausibleReason(String code, ReadingValue v) {
        Double value = v.primary();
        if (value == null || !isValid(v)) {
            return null;
        }
        if (isMassConcentration(code) && value < 0) {
            return "negative_concentration";
        }
        if (MOISTURE.equals(code) && (value < 0 || value >= PCT_ALL)) {
            return "moisture_out_of_range";
        }
        if (Units.O2.equals(code) && (value < 0 || value >= EmissionFormulas.AIR_O2_PCT)) {
            return "o2_out_of_range";
        }
        return null;
    }

    /** A standard-dry flow below zero or above the source's plausible maximum is not valid. */
    private static void checkFlow(SourceReading out, Source source, Reading reading, Consumer<Rejection> problems) {
        Measure flow = out.measures.get(Units.FLOW);
        if (flow == null || !flow.valid) {
            return;
        }
        Double max = source.effectiveMaxFlowM3H();
        if (flow.value < 0 || (max != null && flow.value > max)) {
            flow.valid = false;
            Measure reported = out.reported.get(Units.FLOW);
            if (reported != null) {
                reported.valid = false;
            }
            problems.accept(problem("flow_out_of_range", String.format(Locale.ROOT, "standard-dry flow %.0f m3/h is outside [0, %s]",
                    flow.value, max == null ? "∞" : String.format(Locale.ROOT, "%.0f", max)) + " m3/h (registry max_flow_m3_h or capacity)", reading));
        }
    }

    private static Rejection problem(String reason, String detail, Reading reading) {
        return new Rejection(reason, detail + " in a reading from MN " + reading.mn + " at " + java.time.Instant.ofEpochMilli(reading.timeMillis)
                + "; the value is kept as reported but not used", reading.mn);
    }

    /** The flue-gas conditions of one reading: what eq. (18), (19) and (31) need; ambientPa null without a site pressure. */
    private record FlueState(Double moisturePct, Double temperatureC, Double ambientPa, double staticPa) {}

    private double staticPressurePa(Reading reading) {
        Double kpa = usable(reading, STATIC_PRESSURE, Set.of());
        return kpa == null ? 0.0 : kpa * PA_PER_KPA;
    }

    private static Measure toStandardDry(String code, double value, boolean reportedValid, String flag, Source source, FlueState flue) {
        String unit = source.units.getOrDefault(code, Units.defaultUnit(code));
        boolean valid = reportedValid;
        Double moisturePct = flue.moisturePct();
        double converted = switch (unit) {
            case Units.M3_PER_S -> value * SECONDS_PER_HOUR;
            case Units.PPM -> EmissionFormulas.ppmToMgM3(value, Units.molarMass(code));
            // CO2 stays in vol % as reported; mass needs mg/m3 and is converted where used
            case Units.PCT -> EmissionFormulas.pctToMgM3(value, Units.molarMass(code));
            default -> value;
        };
        // ppm and % are volume ratios: eq. (20) already gives standard state; mg/m3 may be at working state
        if (source.workingState && Units.MG_PER_M3.equals(unit) && isMassConcentration(code)) {
            // the registry refuses a working-state source without site pressure; the check stays for safety
            if (flue.temperatureC() == null || flue.ambientPa() == null) {
                valid = false;
            } else {
                converted = EmissionFormulas.toStandardState(converted, flue.ambientPa(), flue.staticPa(), flue.temperatureC());
            }
        }
        if (source.wet && isDryBasisQuantity(code)) {
            if (moisturePct == null) {
                // without moisture the dry value cannot be known: keep it, but not as valid data
                valid = false;
            } else {
                converted = EmissionFormulas.wetToDry(converted, moisturePct);
            }
        }
        return new Measure(converted, null, valid, flag);
    }

    private static boolean isMassConcentration(String code) {
        return code.startsWith("a2") || code.startsWith("a3") || code.equals(Units.CO2);
    }

    /**
     * Eq. (30)/(31): the standard-dry flow from velocity when the gateway sends no flow; needs
     * temperature, moisture and the site pressure, the duct area from a01016 or the registry.
     */
    private void addFlowFromVelocity(Map<String, Measure> measures, Reading reading, Source source, FlueState flue,
            Consumer<Rejection> problems) {
        ReadingValue velocity = reading.values.get(VELOCITY);
        if (measures.containsKey(Units.FLOW) || velocity == null || velocity.primary() == null) {
            return;
        }
        Double area = usable(reading, DUCT_AREA, Set.of());
        if (area == null) {
            area = source.ductAreaM2;
        }
        if (area == null) {
            return;
        }
        if (flue.ambientPa() == null) {
            // the duct area came with the reading, so the registry could not ask for the pressure at load
            problems.accept(problem("no_site_pressure", "flow from velocity (eq. 30/31) needs the site's ambient pressure:"
                    + " set ambient_pressure_kpa or altitude_m for source " + source.id + " in the registry", reading));
        }
        boolean valid = isValid(velocity) && flue.temperatureC() != null && flue.moisturePct() != null && flue.ambientPa() != null;
        double flow = valid ? EmissionFormulas.standardDryFlowM3PerHour(velocity.primary(), area, flue.temperatureC(),
                flue.ambientPa(), flue.staticPa(), flue.moisturePct()) : 0.0;
        measures.put(Units.FLOW, new Measure(flow, null, valid, velocity.flagOrNormal()));
    }

    /** Gas concentrations and O2 are reported dry (eq. 19); flow, temperature etc. are not converted here. */
    private static boolean isDryBasisQuantity(String code) {
        return code.startsWith("a2") || code.startsWith("a3") || code.equals(Units.O2) || code.equals(Units.CO2);
    }

    /** Eq. (21): NOx (as NO2) = NO × M(NO2)/M(NO) + NO2, when the analyser gives NO and NO2 only. */
    private static void addNoxFromNoAndNo2(Map<String, Measure> measures) {
        Measure no = measures.get(NO);
        if (measures.containsKey(NOX) || no == null) {
            return;
        }
        Measure no2 = measures.get(NO2);
        double nox = no.value * Units.molarMass(NO2) / Units.molarMass(NO) + (no2 == null ? 0.0 : no2.value);
        boolean valid = no.valid && (no2 == null || no2.valid);
        measures.put(NOX, new Measure(nox, null, valid, valid ? (overRange(no) || overRange(no2) ? OVER_RANGE : NORMAL)
                : (no.valid ? no2.flag : no.flag)));
    }

    /**
     * Eq. (28) on each pollutant with the source's reference O2. Measured O2 takes precedence over
     * the gateway's own 折算 (Zs) value, so every number is corrected the same way; the Zs value
     * is used only when no valid O2 came with the reading.
     */
    private static void addReferenceO2(Map<String, Measure> measures, Reading reading, Source source) {
        Measure o2 = measures.get(Units.O2);
        Double o2Pct = o2 != null && o2.valid ? o2.value : null;
        Double refO2 = source.effectiveReferenceO2Pct();
        Double ceiling = source.effectiveO2CeilingPct();
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            if (!Pollutants.isPollutant(e.getKey())) {
                continue;
            }
            Measure m = e.getValue();
            Double ref = EmissionFormulas.referenceO2Capped(m.value, o2Pct, refO2, ceiling);
            if (ref == null) {
                ReadingValue reported = reading.values.get(e.getKey());
                ref = reported == null ? null : reported.primaryZs();
            }
            m.refMgM3 = ref;
        }
    }

    /** The value of a code when it is valid and physical, else null. */
    private Double usable(Reading reading, String code, Set<String> implausible) {
        ReadingValue v = reading.values.get(code);
        return v == null || !isValid(v) || implausible.contains(code) ? null : v.primary();
    }
}
