package org.cems.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.reading.Rejection;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCatalogue;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private final Normalizer normalizer = new Normalizer();

    private static ReadingValue v(double rtd, String flag) {
        ReadingValue v = new ReadingValue();
        v.rtd = rtd;
        v.flag = flag;
        return v;
    }

    private static SourceRef coalStack(Map<String, String> units, boolean wet) {
        Enterprise e = new Enterprise();
        e.id = "dlt-power";
        e.park = "dalate";
        e.industry = "thermal_power";
        Source s = new Source();
        s.id = "u1-stack";
        s.mn = "MN1";
        s.kind = "coal_boiler";
        s.units.putAll(units);
        s.wet = wet;
        return new SourceRef(e, s);
    }

    private SourceReading normalize(SourceRef ref, Map<String, ReadingValue> values) {
        return normalizer.normalize(new Reading("MN1", "2011", 0L, new LinkedHashMap<>(values)), ref);
    }

    @Test
    void unitsAndReferenceO2() {
        SourceReading r = normalize(
                coalStack(Map.of("a21026", "ppm"), false),
                Map.of(
                        "a21026", v(10, "N"), // 10 ppm SO2 = 10 × 64.06 / 22.4 mg/m3 (eq. 20)
                        "a19001", v(8, "N"),
                        "a00000", v(500, "N"))); // m3/s by default (Table B.2) = 1 800 000 m3/h
        double so2 = 10 * 64.06 / 22.4;
        assertThat(r.measures.get("a21026").value).isCloseTo(so2, within(1e-12));
        assertThat(r.measures.get("a21026").refMgM3).isCloseTo(so2 * 15 / 13, within(1e-12)); // eq. 28, 6 % ref
        assertThat(r.measures.get("a00000").value).isEqualTo(1_800_000.0);
        assertThat(r.reported.get("a21026").value).isEqualTo(10.0);
        assertThat(r.enterprise).isEqualTo("dlt-power");
    }

    @Test
    void noxFromNoAndNo2_eq21() {
        SourceReading r = normalize(coalStack(Map.of(), false), Map.of("a21003", v(100, "N"), "a21004", v(5, "N")));
        assertThat(r.measures.get("a21002").value).isCloseTo(100 * 46.005 / 30.006 + 5, within(1e-12));
    }

    @Test
    void wetToDryNeedsMoisture_eq19() {
        SourceReading withMoisture =
                normalize(coalStack(Map.of(), true), Map.of("a21026", v(18, "N"), "a01014", v(10, "N")));
        assertThat(withMoisture.measures.get("a21026").value).isCloseTo(20.0, within(1e-12));
        SourceReading without = normalize(coalStack(Map.of(), true), Map.of("a21026", v(18, "N")));
        assertThat(without.measures.get("a21026").valid).isFalse();
    }

    @Test
    void gatewayZsValueStandsInWithoutO2_andFlagsOtherThanNAreInvalid() {
        ReadingValue so2 = v(20, "C");
        so2.zsRtd = 25.0;
        SourceReading r = normalize(coalStack(Map.of(), false), Map.of("a21026", so2));
        assertThat(r.measures.get("a21026").refMgM3).isEqualTo(25.0);
        assertThat(r.measures.get("a21026").valid).isFalse();
        assertThat(r.measures.get("a21026").flag).isEqualTo("C");
    }

    @Test
    void workingStateAndFlowFromVelocity_eq18_eq31() {
        SourceRef ref = coalStack(Map.of(), false);
        ref.source().workingState = true;
        ref.source().altitudeM = 1350.0; // Ordos: 101.325 × (1 − 0.0065 × 1350 / 288.15)^5.25588 = 86.1241 kPa
        ref.source().ductAreaM2 = 30.0;
        SourceReading r = normalize(
                ref,
                Map.of(
                        "a21026", v(20, "N"),
                        "a01012", v(120, "N"), // °C
                        "a01013", v(-0.5, "N"), // kPa static
                        "a01014", v(10, "N"), // % moisture
                        "a01011", v(15, "N"), // m/s
                        "a19001", v(6, "N")));
        // Ba + Ps = 86 124.1 − 500 = 85 624.1 Pa: 20 × 101 325 / 85 624.1 × 393 / 273 = 34.0707 mg/m3
        assertThat(r.measures.get("a21026").value).isCloseTo(34.0707, within(1e-4));
        // 3600 × 30 × 15 = 1 620 000 m3/h working, × 273/393 × 85 624.1/101 325 × 0.9 = 855 868 m3/h
        assertThat(r.measures.get("a00000").value).isCloseTo(855_868, within(1.0));
        assertThat(r.measures.get("a00000").valid).isTrue();
        assertThat(r.measures.get("a19001").value).isEqualTo(6.0); // O2 is a volume fraction: no eq. (18)

        SourceReading noTemperature =
                normalize(ref, Map.of("a21026", v(20, "N"), "a01011", v(15, "N"), "a01014", v(10, "N")));
        assertThat(noTemperature.measures.get("a21026").valid).isFalse();
        assertThat(noTemperature.measures.get("a00000").valid).isFalse();
    }

    private static SourceReading normalize(
            Normalizer n, SourceRef ref, Map<String, ReadingValue> values, List<Rejection> problems) {
        return n.normalize(new Reading("MN1", "2011", 0L, new LinkedHashMap<>(values)), ref, problems::add);
    }

    @Test
    void valuesThatCannotBePhysicalAreInvalidWithTheirReason() {
        List<Rejection> problems = new ArrayList<>();
        SourceRef ref = coalStack(Map.of("a00000", "m3/h"), true);
        ref.source().capacityMw = 600.0; // plausible flow up to 600 × 10 000 = 6 000 000 m3/h
        SourceReading r = normalize(
                normalizer,
                ref,
                Map.of(
                        "a21026", v(-0.4, "N"),
                        "a19001", v(21.0, "N"),
                        "a01014", v(100.0, "N"),
                        "a00000", v(7_200_000, "N"),
                        "a21002", v(-1, "D")),
                problems); // already invalid by its flag: not counted again
        assertThat(problems)
                .extracting(x -> x.reason().wireName())
                .containsExactlyInAnyOrder(
                        "negative_concentration", "o2_out_of_range", "moisture_out_of_range", "flow_out_of_range");
        assertThat(problems).extracting(Rejection::mn).containsOnly("MN1");
        assertThat(r.reported.get("a21026").valid).isFalse();
        assertThat(r.reported.get("a21026").value).isEqualTo(-0.4); // kept as reported
        assertThat(r.measures.get("a19001").valid).isFalse();
        assertThat(r.measures.get("a00000").valid).isFalse();
        assertThat(r.reported.get("a00000").valid).isFalse();
        // the moisture is not used for eq. (19): a wet source's values cannot be made dry
        assertThat(normalize(normalizer, ref, Map.of("a21002", v(40, "N"), "a01014", v(100.0, "N")), new ArrayList<>())
                        .measures
                        .get("a21002")
                        .valid)
                .isFalse();
    }

    @Test
    void overRangeValuesAreValidByDefault_orInvalidWhenConfigured() {
        SourceRef ref = coalStack(Map.of(), false);
        Map<String, ReadingValue> values = Map.of("a21026", v(2000, "T"), "a19001", v(6, "N"));
        SourceReading used = normalize(normalizer, ref, values, new ArrayList<>());
        assertThat(used.measures.get("a21026").valid).isTrue();
        assertThat(used.measures.get("a21026").flag).isEqualTo("T");
        assertThat(used.measures.get("a21026").refMgM3).isCloseTo(2000.0, within(1e-9)); // 6 % O2 at 6 % reference
        SourceReading strict =
                normalize(new Normalizer(ParameterCatalogue.standard(), false), ref, values, new ArrayList<>());
        assertThat(strict.measures.get("a21026").valid).isFalse();
    }

    @Test
    void referenceO2IsCappedAtTheKindsCeiling() {
        SourceReading r = normalize(coalStack(Map.of(), false), Map.of("a21026", v(5, "N"), "a19001", v(20.5, "N")));
        // coal boiler: ceiling 14 % (40 CFR 75 App. F diluent cap) instead of 20.5 %: 5 × 15 / 7, not 5 × 15 / 0.5 =
        // 150
        assertThat(r.measures.get("a21026").refMgM3).isCloseTo(75.0 / 7, within(1e-12));
    }

    @Test
    void flowFromVelocityWithoutSitePressureIsInvalidAndSaysWhy() {
        List<Rejection> problems = new ArrayList<>();
        SourceReading r = normalize(
                normalizer,
                coalStack(Map.of(), false),
                Map.of(
                        "a01011",
                        v(15, "N"),
                        "a01016",
                        v(30, "N"),
                        "a01012",
                        v(120, "N"),
                        "a01014",
                        v(10, "N"),
                        "a21026",
                        v(20, "N")),
                problems);
        assertThat(r.measures.get("a00000").valid).isFalse();
        assertThat(problems).extracting(x -> x.reason().wireName()).containsExactly("no_site_pressure");
    }
}
