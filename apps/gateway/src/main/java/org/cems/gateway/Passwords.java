package org.cems.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access password (HJ 212 {@code PW}) each monitoring point must present, by MN. An MN without
 * one is not checked. Immutable; {@link #toString()} never shows a password.
 */
public final class Passwords {
    private static final Passwords NONE = new Passwords(Map.of());

    private final Map<String, byte[]> byMn;

    private Passwords(Map<String, byte[]> byMn) {
        this.byMn = byMn;
    }

    /** No MN has a password: every frame is accepted. */
    public static Passwords none() {
        return NONE;
    }

    /** Passwords by MN (the launcher reads them from the source registry). */
    static Passwords of(Map<String, String> passwordByMn) {
        Map<String, byte[]> bytes = new HashMap<>();
        passwordByMn.forEach((mn, pw) -> bytes.put(mn, pw.getBytes(StandardCharsets.UTF_8)));
        return new Passwords(Map.copyOf(bytes));
    }

    /** True when the MN needs no password or {@code presented} is its password. */
    public boolean accepts(String mn, Optional<String> presented) {
        byte[] expected = byMn.get(mn);
        if (expected == null) {
            return true;
        }
        // constant time, so the answer's timing does not tell how much of a guess was right
        return presented.isPresent()
                && MessageDigest.isEqual(expected, presented.get().getBytes(StandardCharsets.UTF_8));
    }

    /** How many MNs have a password. */
    public int count() {
        return byMn.size();
    }

    @Override
    public String toString() {
        return "Passwords[" + byMn.size() + " MNs]";
    }
}
