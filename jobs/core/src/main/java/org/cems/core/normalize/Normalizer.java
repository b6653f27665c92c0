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
import java.util.Map;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.registry.Units;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/**
 * Brings each reported value to the basis the standards report on (HJ 212-2017 Appendix D.2):
 * units to mg/m3 and m3/h, wet to dry, NOx as NO2, and the reference-O2 concentration. What each
 * code is (unit, molar mass, basis, reference O2) comes from the parameter catalogue.
 */
public final class Normalizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double PA_PER_KPA = 1000.0;
    private static final double SECONDS_PER_HOUR = 3600.0;

    private final ParameterCatalogue catalogue;

    public Normalizer() {
        this(ParameterCatalogue.standard());
    }

    public Normalizer(ParameterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

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

        FlueState flue = new FlueState(validPrimary(reading.values.get(MOISTURE)), validPrimary(reading.values.get(FLUE_TEMPERATURE)),
                source.ambientPressureKpa * PA_PER_KPA, staticPressurePa(reading));
        for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
            ReadingValue v = e.getValue();
            Double primary = v.primary();
            if (primary == null) {
                continue;
            }
            out.reported.put(e.getKey(), new Measure(primary, v.primaryZs(), v.isValid(), v.flagOrNormal()));
            out.measures.put(e.getKey(), toStandardDry(e.getKey(), primary, v, source, flue));
        }
        addFlowFromVelocity(out.measures, reading, source, flue);
        addNoxFromNoAndNo2(out.measures);
        addReferenceO2(out.measures, reading, source);
        return out;
    }

    /** The flue-gas conditions of one reading: what eq. (18), (19) and (31) need. */
    private record FlueState(Double moisturePct, Double temperatureC, double ambientPa, double staticPa) {}

    private static double staticPressurePa(Reading reading) {
        Double kpa = validPrimary(reading.values.get(STATIC_PRESSURE));
        return kpa == null ? 0.0 : kpa * PA_PER_KPA;
    }

    private Measure toStandardDry(String code, double value, ReadingValue v, Source source, FlueState flue) {
        Parameter parameter = catalogue.find(code).orElse(null);
        if (parameter == null || parameter.units().isEmpty()) {
            // a code the catalogue does not describe is kept as reported
            return new Measure(value, null, v.isValid(), v.flagOrNormal());
        }
        String unit = source.units.getOrDefault(code, parameter.defaultUnit());
        boolean valid = v.isValid();
        Double moisturePct = flue.moisturePct();
        double converted = switch (unit) {
            case Units.M3_PER_S -> value * SECONDS_PER_HOUR;
            case Units.PPM -> EmissionFormulas.ppmToMgM3(value, parameter.molarMassGPerMol());
            // CO2 in vol % becomes mg/m3 (eq. 20); O2 and moisture stay in %
            case Units.PCT -> parameter.isMassConcentration() ? EmissionFormulas.pctToMgM3(value, parameter.molarMassGPerMol()) : value;
            default -> value;
        };
        // ppm and % are volume ratios: eq. (20) already gives standard state; mg/m3 may be at working state
        if (source.workingState && Units.MG_PER_M3.equals(unit) && parameter.isMassConcentration()) {
            if (flue.temperatureC() == null) {
                valid = false;
            } else {
                converted = EmissionFormulas.toStandardState(converted, flue.ambientPa(), flue.staticPa(), flue.temperatureC());
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
        return new Measure(converted, null, valid, v.flagOrNormal());
    }

    /**
     * Eq. (30)/(31): the standard-dry flow from velocity when the gateway sends no flow; needs
     * temperature and moisture, the duct area from a01016 or the registry.
     */
    private static void addFlowFromVelocity(Map<String, Measure> measures, Reading reading, Source source, FlueState flue) {
        ReadingValue velocity = reading.values.get(VELOCITY);
        if (measures.containsKey(FLOW) || velocity == null || velocity.primary() == null) {
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
        measures.put(FLOW, new Measure(flow, null, valid, valid ? "N" : velocity.flagOrNormal()));
    }

    /** Eq. (21): NOx (as NO2) = NO × M(NO2)/M(NO) + NO2, when the analyser gives NO and NO2 only. */
    private void addNoxFromNoAndNo2(Map<String, Measure> measures) {
        Measure no = measures.get(NO);
        if (measures.containsKey(NOX) || no == null) {
            return;
        }
        Measure no2 = measures.get(NO2);
        double nox = no.value * catalogue.get(NO2).molarMassGPerMol() / catalogue.get(NO).molarMassGPerMol() + (no2 == null ? 0.0 : no2.value);
        boolean valid = no.valid && (no2 == null || no2.valid);
        measures.put(NOX, new Measure(nox, null, valid, valid ? "N" : (no.valid ? no2.flag : no.flag)));
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
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            if (!catalogue.find(e.getKey()).map(Parameter::referenceO2).orElse(false)) {
                continue;
            }
            Measure m = e.getValue();
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
