package org.cems.core.normalize;

import static org.cems.hj212.ParameterCodes.DUCT_AREA;
import static org.cems.hj212.ParameterCodes.FLOW;
import static org.cems.hj212.ParameterCodes.FLUE_TEMPERATURE;
import static org.cems.hj212.ParameterCodes.MOISTURE;
import static org.cems.hj212.ParameterCodes.NO;
import static org.cems.hj212.ParameterCodes.NO2;
import static org.cems.hj212.ParameterCodes.NOX;
import static org.cems.hj212.ParameterCodes.O2;
import static org.cems.hj212.ParameterCodes.STATIC_PRESSURE;
import static org.cems.hj212.ParameterCodes.VELOCITY;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.reading.Rejection;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.registry.Units;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/**
 * Brings each reported value to the basis the standards report on (HJ 212-2017 Appendix D.2):
 * units to mg/m3 and m3/h, wet to dry, NOx as NO2, and the reference-O2 concentration. What each
 * code is (unit, molar mass, basis, reference O2) comes from the parameter catalogue. Values
 * that cannot be physical (negative concentrations, moisture of 100 % or more, O2 of 21 % or
 * more, a flow beyond the source's plausible maximum) are kept as reported but not valid, and
 * reported as problems with their reason.
 */
public final class Normalizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double PA_PER_KPA = 1000.0;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double PCT_ALL = 100.0;
    static final String NORMAL = "N";
    static final String OVER_RANGE = "T";

    private final ParameterCatalogue catalogue;
    private final boolean overRangeIsValid;

    /** The shipped catalogue; over-range values (flag T) are valid data, as {@code over_range: use_reported} (the default) has it. */
    public Normalizer() {
        this(ParameterCatalogue.standard(), true);
    }

    /**
     * @param overRangeIsValid whether a value flagged T (above the analyser's upper limit, HJ 212-2017
     *     Table 8) counts as valid data: the true value is at least the reported one, so it enters the
     *     means and the exceedance judgement instead of leaving an invalid hour that hides the worst ones
     */
    public Normalizer(ParameterCatalogue catalogue, boolean overRangeIsValid) {
        this.catalogue = catalogue;
        this.overRangeIsValid = overRangeIsValid;
    }

    /** Normalises without reporting problems (benchmarks and tests); the job uses the three-argument form. */
    public SourceReading normalize(Reading reading, SourceRef ref) {
        return normalize(reading, ref, problem -> {});
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
            DeadLetterReason reason = implausibleReason(e.getKey(), e.getValue());
            if (reason != null) {
                implausible.add(e.getKey());
                problems.accept(
                        problem(reason, e.getKey() + " = " + e.getValue().primary() + " is not physical", reading));
            }
        }
        Double sitePressureKpa = source.sitePressureKpa();
        FlueState flue = new FlueState(
                usable(reading, MOISTURE, implausible),
                usable(reading, FLUE_TEMPERATURE, implausible),
                sitePressureKpa == null ? null : sitePressureKpa * PA_PER_KPA,
                staticPressurePa(reading));
        for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
            ReadingValue v = e.getValue();
            Double primary = v.primary();
            if (primary == null) {
                if (v.cou != null && catalogue.isPollutant(e.getKey())) {
                    out.measures.put(e.getKey(), loggerTotalOnly(v));
                }
                continue;
            }
            boolean valid = isValid(v) && !implausible.contains(e.getKey());
            out.reported.put(e.getKey(), new Measure(primary, v.primaryZs(), valid, v.flagOrNormal()));
            Measure m = toStandardDry(e.getKey(), primary, valid, v.flagOrNormal(), source, flue);
            if (catalogue.isPollutant(e.getKey())) {
                m.couKg = v.cou;
            }
            out.measures.put(e.getKey(), m);
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

    /**
     * A pollutant with the logger's period total (Cou, kg: HJ 212-2017 Table B.2) but no average:
     * no concentration to use, but the total still gives the period's mass.
     */
    private static Measure loggerTotalOnly(ReadingValue v) {
        Measure m = new Measure(Double.NaN, null, false, v.flagOrNormal());
        m.couKg = v.cou;
        return m;
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
    private DeadLetterReason implausibleReason(String code, ReadingValue v) {
        Double value = v.primary();
        if (value == null || !isValid(v)) {
            return null;
        }
        if (catalogue.find(code).map(Parameter::isMassConcentration).orElse(false) && value < 0) {
            return DeadLetterReason.NEGATIVE_CONCENTRATION;
        }
        if (MOISTURE.equals(code) && (value < 0 || value >= PCT_ALL)) {
            return DeadLetterReason.MOISTURE_OUT_OF_RANGE;
        }
        if (O2.equals(code) && (value < 0 || value >= EmissionFormulas.AIR_O2_PCT)) {
            return DeadLetterReason.O2_OUT_OF_RANGE;
        }
        return null;
    }

    /** A standard-dry flow below zero or above the source's plausible maximum is not valid. */
    private static void checkFlow(SourceReading out, Source source, Reading reading, Consumer<Rejection> problems) {
        Measure flow = out.measures.get(FLOW);
        if (flow == null || !flow.valid) {
            return;
        }
        Double max = source.effectiveMaxFlowM3H();
        if (flow.value < 0 || (max != null && flow.value > max)) {
            flow.valid = false;
            Measure reported = out.reported.get(FLOW);
            if (reported != null) {
                reported.valid = false;
            }
            problems.accept(problem(
                    DeadLetterReason.FLOW_OUT_OF_RANGE,
                    String.format(
                                    Locale.ROOT,
                                    "standard-dry flow %.0f m3/h is outside [0, %s]",
                                    flow.value,
                                    max == null ? "∞" : String.format(Locale.ROOT, "%.0f", max))
                            + " m3/h (registry max_flow_m3_h or capacity)",
                    reading));
        }
    }

    private static Rejection problem(DeadLetterReason reason, String detail, Reading reading) {
        return new Rejection(
                reason,
                detail + " in a reading from MN " + reading.mn + " at "
                        + java.time.Instant.ofEpochMilli(reading.timeMillis)
                        + "; the value is kept as reported but not used",
                reading.mn);
    }

    /** The flue-gas conditions of one reading: what eq. (18), (19) and (31) need; ambientPa null without a site pressure. */
    private record FlueState(Double moisturePct, Double temperatureC, Double ambientPa, double staticPa) {}

    private double staticPressurePa(Reading reading) {
        Double kpa = usable(reading, STATIC_PRESSURE, Set.of());
        return kpa == null ? 0.0 : kpa * PA_PER_KPA;
    }

    private Measure toStandardDry(
            String code, double value, boolean reportedValid, String flag, Source source, FlueState flue) {
        Parameter parameter = catalogue.find(code).orElse(null);
        if (parameter == null || parameter.units().isEmpty()) {
            // a code the catalogue does not describe is kept as reported
            return new Measure(value, null, reportedValid, flag);
        }
        String unit = source.units.getOrDefault(code, parameter.defaultUnit());
        boolean valid = reportedValid;
        Double moisturePct = flue.moisturePct();
        double converted = switch (unit) {
            case Units.M3_PER_S -> value * SECONDS_PER_HOUR;
            case Units.PPM -> EmissionFormulas.ppmToMgM3(value, parameter.molarMassGPerMol());
            // CO2 in vol % becomes mg/m3 (eq. 20); O2 and moisture stay in %
            case Units.PCT ->
                parameter.isMassConcentration()
                        ? EmissionFormulas.pctToMgM3(value, parameter.molarMassGPerMol())
                        : value;
            default -> value;
        };
        // ppm and % are volume ratios: eq. (20) already gives standard state; mg/m3 may be at working state
        if (source.workingState && Units.MG_PER_M3.equals(unit) && parameter.isMassConcentration()) {
            // the registry refuses a working-state source without site pressure; the check stays for safety
            if (flue.temperatureC() == null || flue.ambientPa() == null) {
                valid = false;
            } else {
                converted = EmissionFormulas.toStandardState(
                        converted, flue.ambientPa(), flue.staticPa(), flue.temperatureC());
            }
        }
        if (source.wet && parameter.isDryBasis()) {
            if (moisturePct == null) {
                // without moisture the dry value cannot be known: keep it, but not as valid data
                valid = false;
            } else {
                converted = EmissionFormulas.wetToDry(converted, moisturePct);
            }
        }
        return new Measure(converted, null, valid, flag);
    }

    /**
     * Eq. (30)/(31): the standard-dry flow from velocity when the gateway sends no flow; needs
     * temperature, moisture and the site pressure, the duct area from a01016 or the registry.
     */
    private void addFlowFromVelocity(
            Map<String, Measure> measures,
            Reading reading,
            Source source,
            FlueState flue,
            Consumer<Rejection> problems) {
        ReadingValue velocity = reading.values.get(VELOCITY);
        if (measures.containsKey(FLOW) || velocity == null || velocity.primary() == null) {
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
            problems.accept(problem(
                    DeadLetterReason.NO_SITE_PRESSURE,
                    "flow from velocity (eq. 30/31) needs the site's ambient pressure:"
                            + " set ambient_pressure_kpa or altitude_m for source " + source.id + " in the registry",
                    reading));
        }
        boolean valid = isValid(velocity)
                && flue.temperatureC() != null
                && flue.moisturePct() != null
                && flue.ambientPa() != null;
        double flow = valid
                ? EmissionFormulas.standardDryFlowM3PerHour(
                        velocity.primary(),
                        area,
                        flue.temperatureC(),
                        flue.ambientPa(),
                        flue.staticPa(),
                        flue.moisturePct())
                : 0.0;
        measures.put(FLOW, new Measure(flow, null, valid, velocity.flagOrNormal()));
    }

    /** Eq. (21): NOx (as NO2) = NO × M(NO2)/M(NO) + NO2, when the analyser gives NO and NO2 only. */
    private void addNoxFromNoAndNo2(Map<String, Measure> measures) {
        Measure no = measures.get(NO);
        if (measures.containsKey(NOX) || no == null) {
            return;
        }
        Measure no2 = measures.get(NO2);
        double nox = no.value
                        * catalogue.get(NO2).molarMassGPerMol()
                        / catalogue.get(NO).molarMassGPerMol()
                + (no2 == null ? 0.0 : no2.value);
        boolean valid = no.valid && (no2 == null || no2.valid);
        measures.put(
                NOX,
                new Measure(
                        nox,
                        null,
                        valid,
                        valid
                                ? (overRange(no) || overRange(no2) ? OVER_RANGE : NORMAL)
                                : (no.valid ? no2.flag : no.flag)));
    }

    /**
     * Eq. (28), with the source's reference O2, on each code the catalogue marks {@code ref_o2}
     * (the pollutants). Measured O2 takes precedence over the gateway's own 折算 (Zs) value, so
     * every number is corrected the same way; the Zs value is used only when no valid O2 came with
     * the reading.
     */
    private void addReferenceO2(Map<String, Measure> measures, Reading reading, Source source) {
        Measure o2 = measures.get(O2);
        Double o2Pct = o2 != null && o2.valid ? o2.value : null;
        Double refO2 = source.effectiveReferenceO2Pct();
        Double ceiling = source.effectiveO2CeilingPct();
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            if (!catalogue.find(e.getKey()).map(Parameter::referenceO2).orElse(false)) {
                continue;
            }
            Measure m = e.getValue();
            if (Double.isNaN(m.value)) {
                continue;
            }
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
