package org.cems.simulator;

/** The parameter codes the simulator sends: HJ 212-2017 Table B.2 codes, and one non-standard key. */
public final class ParameterCodes {
    public static final String SO2 = "a21026";
    public static final String NOX = "a21002";
    public static final String PARTICULATE = "a34013";
    public static final String NMHC = "a24088";
    public static final String O2 = "a19001";
    public static final String CO2 = "a05001";
    /** Flue-gas flow, standard state, dry. */
    public static final String FLOW = "a00000";
    public static final String FLUE_TEMPERATURE = "a01012";
    public static final String MOISTURE = "a01014";
    /**
     * Generator output in MW. HJ 212-2017 has no code for unit load, so this key is not standard;
     * it carries the name of the {@code carbon} measurement's {@code load_mw} field it feeds.
     */
    public static final String LOAD_MW = "load_mw";

    private ParameterCodes() {}
}
