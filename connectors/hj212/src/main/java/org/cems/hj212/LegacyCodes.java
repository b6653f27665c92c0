package org.cems.hj212;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HJ/T 212-2005 factor codes ({@code 01} particulate, {@code 02} SO2, {@code S01} O2,
 * {@code B02} flue-gas flow, ...) to HJ 212-2017 codes, from the "原编码" column of HJ 212-2017
 * Table B.2 (the {@code legacy} column of the {@link ParameterCatalogue}). Codes without a 2017
 * equivalent (e.g. 16, 99) are not mapped.
 */
public final class LegacyCodes {

    private static final Map<String, String> LEGACY_TO_CURRENT;
    private static final Map<String, String> CURRENT_TO_LEGACY;

    static {
        Map<String, String> toCurrent = new HashMap<>();
        Map<String, String> toLegacy = new HashMap<>();
        for (Parameter p : ParameterCatalogue.standard().all()) {
            if (p.legacyCode() != null) {
                toCurrent.put(p.legacyCode(), p.code());
                toLegacy.put(p.code(), p.legacyCode());
            }
        }
        LEGACY_TO_CURRENT = Collections.unmodifiableMap(toCurrent);
        CURRENT_TO_LEGACY = Collections.unmodifiableMap(toLegacy);
    }

    private LegacyCodes() {}

    /** The 2017 code for a 2005 code ({@code "02"} gives {@code "a21026"}), either case. */
    public static Optional<String> toCurrent(String legacyCode) {
        if (legacyCode == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(LEGACY_TO_CURRENT.get(legacyCode.toUpperCase(Locale.ROOT)));
    }

    /** The 2005 code for a 2017 code ({@code "a21026"} gives {@code "02"}), if it had one. */
    public static Optional<String> toLegacy(String currentCode) {
        return Optional.ofNullable(currentCode == null ? null : CURRENT_TO_LEGACY.get(currentCode));
    }

    /** All legacy-to-2017 pairs. */
    public static Map<String, String> all() {
        return LEGACY_TO_CURRENT;
    }
}
