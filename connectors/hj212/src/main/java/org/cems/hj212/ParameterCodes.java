package org.cems.hj212;

/**
 * Names for the codes the programs refer to by name; everything else about them is in the
 * {@link ParameterCatalogue} (ParameterCodesTest checks each against it). Compile-time constants,
 * so that a {@code switch} can use them.
 */
public final class ParameterCodes {
    public static final String SO2 = "a21026";
    /** NOx, counted as NO2 (HJ 212-2017 eq. 21). */
    public static final String NOX = "a21002";

    public static final String NO = "a21003";
    public static final String NO2 = "a21004";
    public static final String PARTICULATE = "a34013";
    public static final String NMHC = "a24088";
    public static final String CO2 = "a05001";
    public static final String O2 = "a19001";
    /** Flue-gas flow; the job's numbers are standard state, dry, m3/h. */
    public static final String FLOW = "a00000";

    public static final String VELOCITY = "a01011";
    public static final String FLUE_TEMPERATURE = "a01012";
    public static final String STATIC_PRESSURE = "a01013";
    public static final String MOISTURE = "a01014";
    public static final String DUCT_AREA = "a01016";
    /** Generator output, MW, from the unit's control system: HJ 212 has no code for it. */
    public static final String LOAD_MW = "load_mw";
    /** Coal fed to the boiler, t/h (as fired). */
    public static final String COAL_T_H = "coal_t_h";
    /** Net calorific value of that coal, MJ/kg (as fired). */
    public static final String COAL_NCV_MJ_KG = "coal_ncv_mj_kg";

    private ParameterCodes() {}
}
