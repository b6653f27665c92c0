package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.cems.hj212.Parameter.Basis;
import org.cems.hj212.Parameter.Category;
import org.junit.jupiter.api.Test;

class ParameterCatalogueTest {
    private static final ParameterCatalogue CATALOGUE = ParameterCatalogue.standard();
    private static final String HEADER =
            "code\tname_zh\tlegacy\thj_unit\thj_emission_unit\thj_type\tlabel\tlabel_zh\tcategory\tunits"
                    + "\tmolar_mass_g_mol\tbasis\tref_o2\tindicator\n";

    @Test
    void holdsTableB2AndTheProcessKeys() {
        assertThat(CATALOGUE.all()).hasSize(121 + 3);
        Parameter so2 = CATALOGUE.get(ParameterCodes.SO2);
        assertThat(so2)
                .isEqualTo(new Parameter(
                        "a21026",
                        "二氧化硫",
                        "SO2",
                        "02",
                        Category.POLLUTANT,
                        List.of("mg/m3", "ppm"),
                        64.06,
                        Basis.STANDARD_DRY,
                        true,
                        null));
        assertThat(so2.defaultUnit()).isEqualTo("mg/m3");
        assertThat(CATALOGUE.get(ParameterCodes.PARTICULATE).name())
                .as("label_zh over Table B.2's 烟尘")
                .isEqualTo("颗粒物");
        assertThat(CATALOGUE.get(ParameterCodes.LOAD_MW).category()).isEqualTo(Category.PROCESS);
        assertThat(CATALOGUE.get("a25003"))
                .as("toluene: Table B.2 only")
                .isEqualTo(new Parameter(
                        "a25003", "甲苯", "", "17", Category.OTHER, List.of(), null, Basis.AS_REPORTED, false, null));
        assertThat(CATALOGUE.find("a99999")).isEmpty();
    }

    /** The eleven pollutants with an emitted mass the job had as a list, each corrected to reference O2. */
    @Test
    void pollutantsAreTheOnesTheJobComputesMassFor() {
        assertThat(CATALOGUE.all().stream().filter(Parameter::isPollutant).map(Parameter::code))
                .containsExactlyInAnyOrder(
                        "a21026", "a21002", "a34013", "a24088", "a05001", "a21005", "a21024", "a21018", "a21028",
                        "a24087", "a20057");
        assertThat(CATALOGUE.all().stream().filter(Parameter::referenceO2).map(Parameter::code))
                .containsExactlyInAnyOrderElementsOf(CATALOGUE.all().stream()
                        .filter(Parameter::isPollutant)
                        .map(Parameter::code)
                        .toList());
        assertThat(CATALOGUE.all().stream().filter(p -> p.indicator() != null).map(p -> p.code() + "=" + p.indicator()))
                .containsExactlyInAnyOrder("a21002=nox", "a24088=vocs");
    }

    /** HJ 212-2017 eq. (20) molar masses; NOx counted as NO2 (eq. 21/22). */
    @Test
    void molarMassesOfTheGasesReportedInPpm() {
        assertThat(CATALOGUE.all().stream()
                        .filter(p -> p.molarMassGPerMol() != null)
                        .map(p -> p.code() + "=" + p.molarMassGPerMol()))
                .containsExactlyInAnyOrder(
                        "a21026=64.06",
                        "a21002=46.005",
                        "a21003=30.006",
                        "a21004=46.005",
                        "a21005=28.01",
                        "a05001=44.01",
                        "a21001=17.031",
                        "a21028=34.08",
                        "a21024=36.46");
        assertThat(CATALOGUE.all().stream()
                        .filter(p -> p.units().contains("ppm"))
                        .map(Parameter::code))
                .containsExactlyInAnyOrder(
                        "a21026", "a21002", "a21003", "a21004", "a21005", "a05001", "a21001", "a21028", "a21024");
    }

    @Test
    void basisOfEachKindOfQuantity() {
        assertThat(CATALOGUE.get(ParameterCodes.O2).basis()).isEqualTo(Basis.DRY);
        assertThat(CATALOGUE.get(ParameterCodes.CO2).basis()).isEqualTo(Basis.STANDARD_DRY);
        assertThat(CATALOGUE.get(ParameterCodes.NO).basis()).isEqualTo(Basis.STANDARD_DRY);
        assertThat(CATALOGUE.get(ParameterCodes.FLOW).units()).containsExactly("m3/s", "m3/h");
        for (String flueGas : List.of(
                ParameterCodes.FLOW,
                ParameterCodes.VELOCITY,
                ParameterCodes.FLUE_TEMPERATURE,
                ParameterCodes.STATIC_PRESSURE,
                ParameterCodes.MOISTURE,
                ParameterCodes.DUCT_AREA)) {
            assertThat(CATALOGUE.get(flueGas).category()).as(flueGas).isEqualTo(Category.FLUE_GAS);
            assertThat(CATALOGUE.get(flueGas).basis()).as(flueGas).isEqualTo(Basis.AS_REPORTED);
        }
    }

    /** Each named constant is a code of the catalogue: the names cannot drift from the table. */
    @Test
    void everyNamedCodeIsInTheCatalogue() throws IllegalAccessException {
        int named = 0;
        for (Field f : ParameterCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String code = (String) f.get(null);
                assertThat(CATALOGUE.find(code)).as(f.getName() + " = " + code).isPresent();
                assertThat(CATALOGUE.get(code).category()).as(f.getName()).isNotEqualTo(Category.OTHER);
                named++;
            }
        }
        assertThat(named).isEqualTo(17);
    }

    @Test
    void aRowTheJobCannotUseStopsTheLoad() {
        assertThatThrownBy(() -> ParameterCatalogue.parse(
                        HEADER + "a21022\t氯气\t11\t\t\t\tCl2\t\tpollutant\tmg/m3,ppm\t\tstd_dry\tyes\n"))
                .hasMessageContaining("line 2 (a21022)")
                .hasMessageContaining("molar_mass_g_mol");
        assertThatThrownBy(() ->
                        ParameterCatalogue.parse(HEADER + "a21022\t氯气\t11\t\t\t\tCl2\t\tpollutant\tmg/m3\t\t\tyes\n"))
                .hasMessageContaining("basis std_dry");
        assertThatThrownBy(() -> ParameterCatalogue.parse(HEADER + "a21022\t氯气\t11\t\t\t\t\t\t\tmg/m3\n"))
                .hasMessageContaining("needs a category");
        assertThatThrownBy(() -> ParameterCatalogue.parse(HEADER + "a21022\t氯气\na21022\t氯气\n"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ParameterCatalogue.parse("code\tname_zh\n")).hasMessageContaining("lacks");
    }
}
