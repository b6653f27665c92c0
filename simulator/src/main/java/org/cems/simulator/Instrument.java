package org.cems.simulator;

import org.cems.hj212.ParameterCatalogue;
import org.cems.hj212.ParameterCodes;

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

    /** By the parameter catalogue's category: flue-gas state from the probe, process data from the DCS. */
    static Instrument measuring(String code) {
        if (ParameterCodes.PARTICULATE.equals(code)) {
            return DUST_MONITOR;
        }
        return switch (ParameterCatalogue.standard().get(code).category()) {
            case FLUE_GAS -> FLUE_GAS_PROBE;
            case PROCESS -> PLANT_DCS;
            default -> GAS_ANALYSER;
        };
    }
}
