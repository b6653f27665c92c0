package org.cems.core.normalize;

import java.io.Serializable;
import java.util.Map;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.registry.Units;

/**
 * Brings each reported value to the basis the standards report on (HJ 212-2017 Appendix D.2):
 * units to mg/m3 and m3/h, wet to dry, NOx as NO2, and the reference-O2 concentration.
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

    public SourceReading normalize(Reading reading, SourceRef ref) {
        Source source = ref.source();
        SourceReading out = new SourceReading();
        out.enterprise = ref.enterprise().id;
        out.park = ref.enterprise().park;
        out.industry = ref.enterprise().industry;
        out.source = source.id;
        out.mn = reading.mn;
        out.cn = reading.cn;
        out.timeMillis = reading.timeMillis;

        FlueState flue = new FlueState(validPrimary(reading.values.get(MOISTURE)), validPrimary(reading.values.get(TEMPERATURE)),
                source.ambientPressureKpa * PA_PER_KPA, staticPressurePa(reading));
        for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
            ReadingValue v = e.getValue();
            Double primary = v.primary();
            if (primary == null) {
                if (v.cou != null && Pollutants.isPollutant(e.getKey())) {
                    out.measures.put(e.getKey(), loggerTotalOnly(v));
                }
                continue;
            }
            out.reported.put(e.getKey(), new Measure(primary, v.primaryZs(), v.isValid(), v.flagOrNormal()));
            Measure m = toStandardDry(e.getKey(), primary, v, source, flue);
            if (Pollutants.isPollutant(e.getKey())) {
                m.couKg = v.cou;
            }
            out.measures.put(e.getKey(), m);
        }
        addFlowFromVelocity(out.measures, reading, source, flue);
        addNoxFromNoAndNo2(out.measures);
        addReferenceO2(out.measures, reading, source);
        return out;
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

    /** The flue-gas conditions of one reading: what eq. (18), (19) and (31) need. */
    private record FlueState(Double moisturePct, Double temperatureC, double ambientPa, double staticPa) {}

    private static double staticPressurePa(Reading reading) {
        Double kpa = validPrimary(reading.values.get(STATIC_PRESSURE));
        return kpa == null ? 0.0 : kpa * PA_PER_KPA;
    }

    private static Measure toStandardDry(String code, double value, ReadingValue v, Source source, FlueState flue) {
        String unit = source.units.getOrDefault(code, Units.defaultUnit(code));
        boolean valid = v.isValid();
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
            if (flue.temperatureC() == null) {
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
        return new Measure(converted, null, valid, v.flagOrNormal());
    }

    private static boolean isMassConcentration(String code) {
        return code.startsWith("a2") || code.startsWith("a3") || code.equals(Units.CO2);
    }

    /**
     * Eq. (30)/(31): the standard-dry flow from velocity when the gateway sends no flow; needs
     * temperature and moisture, the duct area from a01016 or the registry.
     */
    private static void addFlowFromVelocity(Map<String, Measure> measures, Reading reading, Source source, FlueState flue) {
        ReadingValue velocity = reading.values.get(VELOCITY);
        if (measures.containsKey(Units.FLOW) || velocity == null || velocity.primary() == null) {
            return;
        }
        Double area = validPrimary(reading.values.get(DUCT_AREA));
        if (area == null) {
            area = source.ductAreaM2;
        }
        if (area == null) {
            return;
        }
        boolean valid = velocity.isValid() && flue.temperatureC() != null && flue.moisturePct() != null;
        double flow = valid ? EmissionFormulas.standardDryFlowM3PerHour(velocity.primary(), area, flue.temperatureC(),
                flue.ambientPa(), flue.staticPa(), flue.moisturePct()) : 0.0;
        measures.put(Units.FLOW, new Measure(flow, null, valid, valid ? "N" : velocity.flagOrNormal()));
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
        measures.put(NOX, new Measure(nox, null, valid, valid ? "N" : (no.valid ? no2.flag : no.flag)));
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
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            if (!Pollutants.isPollutant(e.getKey())) {
                continue;
            }
            Measure m = e.getValue();
            if (Double.isNaN(m.value)) {
                continue;
            }
            Double ref = EmissionFormulas.referenceO2(m.value, o2Pct, refO2);
            if (ref == null) {
                ReadingValue reported = reading.values.get(e.getKey());
                ref = reported == null ? null : reported.primaryZs();
            }
            m.refMgM3 = ref;
        }
    }

    private static Double validPrimary(ReadingValue v) {
        return v == null || !v.isValid() ? null : v.primary();
    }
}
