package org.cems.hj212;

import java.util.Locale;
import java.util.Optional;

/** Data flag of a monitored value, the {@code -Flag} suffix (HJ 212-2017 Table 8; P from 2005). */
public enum DataFlag {
    /** Instrument normal. */
    N,
    /** Instrument stopped (2017); emission source stopped (2005). */
    F,
    /** Maintenance. */
    M,
    /** Manually entered set value. */
    S,
    /** Instrument fault. */
    D,
    /** Calibration. */
    C,
    /** Above the measuring upper limit. */
    T,
    /** Communication failure between instrument and data logger (2017 only). */
    B,
    /** Power fault (HJ/T 212-2005 only). */
    P;

    /** The flag for {@code text}, either case; empty for anything else (e.g. air-station 0-3). */
    public static Optional<DataFlag> of(String text) {
        if (text == null || text.length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
