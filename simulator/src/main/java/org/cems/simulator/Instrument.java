package org.cems.simulator;

/**
 * The instrument behind a parameter. Calibration and maintenance take a whole instrument out of
 * service, so every parameter it measures carries the same flag at the same time.
 */
enum Instrument {
    GAS_ANALYSER,
    DUST_MONITOR,
    /** Flow, temperature and moisture come from one flue-gas parameter probe set. */
    FLUE_GAS_PROBE,
    /** Unit load comes from the plant's DCS, not from the CEMS: it is never flagged. */
    PLANT_DCS;

    static Instrument measuring(String code) {
        return switch (code) {
            case ParameterCodes.PARTICULATE -> DUST_MONITOR;
            case ParameterCodes.FLOW, ParameterCodes.FLUE_TEMPERATURE, ParameterCodes.MOISTURE -> FLUE_GAS_PROBE;
            case ParameterCodes.LOAD_MW -> PLANT_DCS;
            default -> GAS_ANALYSER;
        };
    }
}
