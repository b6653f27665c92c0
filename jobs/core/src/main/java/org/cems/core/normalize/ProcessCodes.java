package org.cems.core.normalize;

/**
 * Keys for unit operating data that HJ 212 has no factor code for. Gateways send them in
 * {@code values} like any parameter (e.g. {@code "load_mw": {"rtd": 587.4}}).
 */
public final class ProcessCodes {
    /** Generator output, MW (from the unit's control system, not the CEMS). */
    public static final String LOAD_MW = "load_mw";
    /** Coal fed to the boiler, t/h (as fired). */
    public static final String COAL_T_H = "coal_t_h";
    /** Net calorific value of that coal, MJ/kg (as fired). */
    public static final String COAL_NCV_MJ_KG = "coal_ncv_mj_kg";

    private ProcessCodes() {}
}
