package org.cems.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each equation against values worked by hand (HJ 212-2017 Appendix D.2). */
class EmissionFormulasTest {
    private static final double EXACT = 1e-12;

    @Test
    void ppmToMgM3_eq20() {
        // SO2: 100 ppm × 64.06 / 22.4 = 285.98214285714286 mg/m3
        assertThat(EmissionFormulas.ppmToMgM3(100, 64.06)).isCloseTo(285.98214285714286, within(EXACT));
    }

    @Test
    void pctToMgM3_eq20_co2() {
        // CO2: 12 % = 120 000 ppm × 44.01 / 22.4 = 235 767.857142857 mg/m3
        assertThat(EmissionFormulas.pctToMgM3(12, 44.01)).isCloseTo(235767.85714285713, within(1e-8));
    }

    @Test
    void wetToDry_eq19() {
        // 20 mg/m3 wet at 10 % moisture: 20 / 0.9 = 22.2222...
        assertThat(EmissionFormulas.wetToDry(20, 10)).isCloseTo(22.222222222222222, within(EXACT));
    }

    @Test
    void referenceO2_eq28() {
        // 30 mg/m3 at 8 % O2 to 6 %: 30 × 15 / 13 = 34.61538461538461
        assertThat(EmissionFormulas.referenceO2(30, 8.0, 6.0)).isCloseTo(34.61538461538461, within(EXACT));
    }

    @Test
    void referenceO2_withoutReference_isTheDryValue_d23_4() {
        assertThat(EmissionFormulas.referenceO2(30, 8.0, null)).isEqualTo(30.0);
    }

    @Test
    void referenceO2_undefinedAtAirOxygen() {
        assertThat(EmissionFormulas.referenceO2(30, 21.0, 6.0)).isNull();
        assertThat(EmissionFormulas.referenceO2(30, null, 6.0)).isNull();
    }

    @Test
    void rateAndMass_eq33() {
        // 30 mg/m3 × 2 000 000 m3/h × 1e-6 = 60 kg/h; one minute: 1 kg
        double rate = EmissionFormulas.rateKgPerHour(30, 2_000_000);
        assertThat(rate).isCloseTo(60.0, within(EXACT));
        assertThat(EmissionFormulas.massKg(rate, 1.0 / 60)).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void coalRate() {
        // 250 t/h at 20.9 MJ/kg = 250 × 20.9 / 29.3076 = 178.2814 t/h standard coal; 600 MW: 297.14 gce/kWh
        double standardCoalT = EmissionFormulas.standardCoalT(250, 20.9);
        assertThat(standardCoalT).isCloseTo(178.2814, within(1e-4));
        assertThat(EmissionFormulas.coalRateGcePerKwh(standardCoalT, 600, 0)).isCloseTo(297.1357, within(1e-4));
        // net (供电) with 5 % auxiliary power: the same over 0.95
        assertThat(EmissionFormulas.coalRateGcePerKwh(standardCoalT, 600, 5)).isCloseTo(297.1357 / 0.95, within(1e-4));
    }

    @Test
    void fuelCo2() {
        // 250 t at 20.9 MJ/kg = 5225 GJ × 0.03085 tC/GJ × 0.99 × 44/12 = 585.12 t CO2
        assertThat(EmissionFormulas.fuelCo2T(250, 20.9, 0.03085, 99))
                .isCloseTo(5225 * 0.03085 * 0.99 * 44 / 12, within(1e-9));
        assertThat(EmissionFormulas.fuelCo2T(250, 20.9, 0.03085, 99)).isCloseTo(585.12, within(0.01));
    }

    @Test
    void workingToStandardState_eq18() {
        // 20 mg/m3 at 120 °C, Ba 90 000 Pa (Ordos is at ~1 300 m), Ps -500 Pa:
        // 20 × 101325 / 89500 × 393 / 273 = 32.5951...
        assertThat(EmissionFormulas.toStandardState(20, 90_000, -500, 120))
                .isCloseTo(20 * 101325.0 / 89500 * 393 / 273, within(EXACT));
    }

    @Test
    void standardDryFlowFromVelocity_eq30_31() {
        // 15 m/s in a 30 m2 duct = 1 620 000 m3/h working; at 120 °C, 89 500 Pa, 10 % moisture:
        // × 273/393 × 89500/101325 × 0.9
        assertThat(EmissionFormulas.standardDryFlowM3PerHour(15, 30, 120, 90_000, -500, 10))
                .isCloseTo(1_620_000.0 * 273 / 393 * 89500 / 101325 * 0.9, within(1e-6));
    }

    @Test
    void pressureAtAltitude_standardAtmosphere() {
        // ISO 2533: 101.325 × (1 − 0.0065 × 1300 / 288.15)^5.25588 = 101.325 × 0.970675^5.25588 = 86.6519 kPa
        assertThat(EmissionFormulas.pressureAtAltitudeKpa(0)).isEqualTo(101.325);
        assertThat(EmissionFormulas.pressureAtAltitudeKpa(1300)).isCloseTo(86.6519, within(1e-4));
        assertThat(EmissionFormulas.pressureAtAltitudeKpa(1100)).isCloseTo(88.7898, within(1e-4));
        assertThat(EmissionFormulas.pressureAtAltitudeKpa(1500)).isCloseTo(84.5560, within(1e-4));
    }

    @Test
    void referenceO2CappedNearAmbient_eq28() {
        // 5 mg/m3 at 20.5 % O2, 6 % reference: uncapped 5 × 15 / 0.5 = 150; capped at 14 %: 5 × 15 / 7 = 10.714285...
        assertThat(EmissionFormulas.referenceO2(5, 20.5, 6.0)).isCloseTo(150.0, within(EXACT));
        assertThat(EmissionFormulas.referenceO2Capped(5, 20.5, 6.0, 14.0)).isCloseTo(75.0 / 7, within(EXACT));
        // below the ceiling nothing changes: 5 × 15 / 13 at 8 %
        assertThat(EmissionFormulas.referenceO2Capped(5, 8.0, 6.0, 14.0)).isCloseTo(75.0 / 13, within(EXACT));
        assertThat(EmissionFormulas.referenceO2Capped(5, 20.5, null, 14.0)).isEqualTo(5.0);
    }
}
