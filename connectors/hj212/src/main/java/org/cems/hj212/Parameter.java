package org.cems.hj212;

import java.io.Serializable;
import java.util.List;

/**
 * One parameter of the {@link ParameterCatalogue}: a row of {@code hj212-2017-air-codes.tsv}.
 *
 * @param code the HJ 212-2017 Table B.2 code ({@code a21026}), or a process key ({@code load_mw})
 * @param name the Chinese name messages use: {@code label_zh}, else the Table B.2 name
 * @param label the short English name ({@code SO2}, {@code PM}, {@code flow})
 * @param legacyCode the HJ/T 212-2005 code ({@code 02}), or null
 * @param units the units a gateway may report it in, the HJ 212-2017 default first
 * @param molarMassGPerMol for ppm and vol % conversion (HJ 212-2017 eq. 20), or null
 * @param referenceO2 whether the reference-O2 (折算) concentration applies, eq. (28)
 * @param indicator the prefix of the city plan's KPI indicators ({@code nox} gives {@code nox_ytd_t}), or null
 */
public record Parameter(
        String code,
        String name,
        String label,
        String legacyCode,
        Category category,
        List<String> units,
        Double molarMassGPerMol,
        Basis basis,
        boolean referenceO2,
        String indicator)
        implements Serializable {

    /** What the job does with a parameter. */
    public enum Category {
        /** A pollutant with an emitted mass (concentration × flow), limits and alerts. */
        POLLUTANT,
        /** A concentration the job converts but computes no mass for (NO and NO2 feed NOx, NH3 slip). */
        CONCENTRATION,
        /** The diluent O2 the reference-O2 concentration is corrected with. */
        DILUENT,
        /** The state of the flue gas: flow, velocity, temperature, pressure, moisture, duct area. */
        FLUE_GAS,
        /** The unit's operating data, not in HJ 212 (load, coal feed, its calorific value). */
        PROCESS,
        /** A Table B.2 code the job stores as reported and computes nothing from. */
        OTHER
    }

    /** The basis the job brings a value to (HJ 212-2017 Appendix D.2). */
    public enum Basis {
        /** A mass concentration: to standard state (eq. 18) and dry (eq. 19), mg/m3. */
        STANDARD_DRY,
        /** A volume fraction: dry (eq. 19) only, as O2. */
        DRY,
        AS_REPORTED
    }

    public Parameter {
        units = List.copyOf(units);
    }

    public boolean isPollutant() {
        return category == Category.POLLUTANT;
    }

    public boolean isMassConcentration() {
        return basis == Basis.STANDARD_DRY;
    }

    public boolean isDryBasis() {
        return basis != Basis.AS_REPORTED;
    }

    /** The unit a gateway reports in unless the registry says otherwise; null when the catalogue gives none. */
    public String defaultUnit() {
        return units.isEmpty() ? null : units.get(0);
    }
}
