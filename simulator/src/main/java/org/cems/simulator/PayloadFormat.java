package org.cems.simulator;

import java.util.Locale;

/** What a gateway's payloads look like (contract section 1). */
public enum PayloadFormat {
    JSON,
    /** HJ 212-2017 frames, CN 2011. */
    HJ212,
    /** Half the points send JSON, the other half HJ 212 (see {@link Simulator} for which). */
    MIXED;

    public static PayloadFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
