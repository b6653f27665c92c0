package org.cems.core.registry;

import java.util.Locale;

/**
 * What a stack is; it fixes the reference O2 for the 折算 (reference-O2) concentration of
 * HJ 212-2017 Appendix D eq. (28). A source may override it with {@code reference_o2_pct}.
 */
public enum SourceKind {
    /** GB 13223-2011: coal-fired boilers 6 % O2. */
    COAL_BOILER(6.0, 14.0),
    /** GB 13223-2011: gas turbines 15 % O2. */
    GAS_TURBINE(15.0, 19.0),
    /** GB 13223-2011 / GB 13271-2014: oil- and gas-fired boilers 3 % O2. */
    OIL_BOILER(3.0, 14.0),
    GAS_BOILER(3.0, 14.0),
    /** GB 31571-2015 process heaters 3 % O2 (limits table not verified, see emission-formulas.md gap 4). */
    PROCESS_HEATER(3.0, 14.0),
    /** GB 16171-2012 coke-oven chimney 8 % O2 (not verified, same gap). */
    COKE_OVEN(8.0, 14.0),
    /** No reference O2 in the applicable standard: the reference value equals the dry-standard one (Appendix D.2.3(4)). */
    PROCESS_VENT(null, null),
    OTHER(null, null);

    private final Double referenceO2Pct;
    private final Double o2CeilingPct;

    SourceKind(Double referenceO2Pct, Double o2CeilingPct) {
        this.referenceO2Pct = referenceO2Pct;
        this.o2CeilingPct = o2CeilingPct;
    }

    public Double referenceO2Pct() {
        return referenceO2Pct;
    }

    /**
     * O2 (dry, %) above which flue gas is near ambient air (start-up, shut-down): eq. (28) would
     * blow up as O2 nears 21 %. No Chinese cap was found (real-plant-data.md section 4; China marks
     * such periods instead); the values are the diluent caps of 40 CFR 75 Appendix F (14.0 % O2 for
     * boilers, 19.0 % for turbines), the design analogue. Null where there is no reference O2.
     */
    public Double o2CeilingPct() {
        return o2CeilingPct;
    }

    public static SourceKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
