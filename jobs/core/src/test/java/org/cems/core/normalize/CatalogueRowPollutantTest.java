package org.cems.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCatalogue;
import org.junit.jupiter.api.Test;

/**
 * A new pollutant is one row: chlorine (a21022, Table B.2 only in the shipped table) gets the
 * job's columns filled in, and the normalizer converts its ppm and corrects it to reference O2
 * with no other change.
 */
class CatalogueRowPollutantTest {
    private static final String TABLE = "/org/cems/hj212/hj212-2017-air-codes.tsv";
    private static final String CHLORINE = "a21022";
    /** Cl2, g/mol. */
    private static final double CHLORINE_MOLAR_MASS = 70.90;

    @Test
    void aCodeFilledInOnlyInTheCatalogueIsNormalizedAsAPollutant() throws IOException {
        String shipped = shippedTable();
        String row = "a21022\t氯气\t11\t毫克/立方米\t千克\tN4.3";
        assertThat(shipped).contains(row + "\n");
        ParameterCatalogue withChlorine = ParameterCatalogue.parse(
                shipped.replace(row + "\n", row + "\tCl2\t\tpollutant\tmg/m3,ppm\t70.90\tstd_dry\tyes\n"));

        SourceReading r = normalize(new Normalizer(withChlorine, true), Map.of(CHLORINE, v(10), "a19001", v(9)));
        double mgM3 = 10 * CHLORINE_MOLAR_MASS / 22.4; // eq. (20): 31.65 mg/m3
        assertThat(r.measures.get(CHLORINE).value)
                .isCloseTo(mgM3, within(1e-12))
                .isCloseTo(31.6518, within(1e-4));
        // eq. (28), coal boiler reference O2 6 %: × (21 − 6) / (21 − 9) = × 1.25
        assertThat(r.measures.get(CHLORINE).refMgM3)
                .isCloseTo(mgM3 * 15 / 12, within(1e-12))
                .isCloseTo(39.5647, within(1e-4));
        assertThat(withChlorine.isPollutant(CHLORINE)).isTrue();

        SourceReading shippedOnly = normalize(new Normalizer(), Map.of(CHLORINE, v(10), "a19001", v(9)));
        assertThat(shippedOnly.measures.get(CHLORINE).value)
                .as("as reported without the row")
                .isEqualTo(10.0);
        assertThat(shippedOnly.measures.get(CHLORINE).refMgM3).isNull();
    }

    private static String shippedTable() throws IOException {
        try (InputStream in = ParameterCatalogue.class.getResourceAsStream(TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SourceReading normalize(Normalizer normalizer, Map<String, ReadingValue> values) {
        Enterprise e = new Enterprise();
        e.id = "dlt-power";
        Source s = new Source();
        s.id = "u1-stack";
        s.mn = "MN1";
        s.kind = "coal_boiler";
        s.units.put(CHLORINE, "ppm");
        return normalizer.normalize(new Reading("MN1", "2011", 0L, new LinkedHashMap<>(values)), new SourceRef(e, s));
    }

    private static ReadingValue v(double rtd) {
        ReadingValue v = new ReadingValue();
        v.rtd = rtd;
        v.flag = "N";
        return v;
    }
}
