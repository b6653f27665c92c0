package org.cems.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HJ/T 212-2005 factor codes ({@code 01} particulate, {@code 02} SO2, {@code S01} O2,
 * {@code B02} flue-gas flow, ...) to HJ 212-2017 codes, from the "原编码" column of HJ 212-2017
 * Table B.2. Loaded from the resource {@code hj212-2017-air-codes.tsv} (a copy of the shared
 * reference table). Codes without a 2017 equivalent (e.g. 16, 99) are not mapped.
 */
public final class LegacyCodes {

    static final String RESOURCE = "hj212-2017-air-codes.tsv";

    /** A legacy code as printed in the table: 2 digits, or a letter and 2 digits; "--" = none. */
    private static final Pattern LEGACY_TOKEN = Pattern.compile("--|[A-Z]?\\d{2,3}");

    private static final Map<String, String> LEGACY_TO_CURRENT;
    private static final Map<String, String> CURRENT_TO_LEGACY;

    static {
        Map<String, String> toCurrent = new HashMap<>();
        Map<String, String> toLegacy = new HashMap<>();
        try (InputStream in = LegacyCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                parseLine(line, toCurrent, toLegacy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * One table line: {@code code<TAB>name legacy unit [unit] type}. Names may contain spaces
     * ("总悬浮颗粒物 TSP"), so the legacy column is the first token shaped like a legacy code.
     */
    private static void parseLine(String line, Map<String, String> toCurrent, Map<String, String> toLegacy) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
            return;
        }
        String code = line.substring(0, tab).trim();
        for (String token : line.substring(tab + 1).trim().split("\\s+")) {
            if (LEGACY_TOKEN.matcher(token).matches()) {
                if (!token.equals("--")) {
                    toCurrent.put(token, code);
                    toLegacy.put(code, token);
                }
                return;
            }
        }
    }
}
