package org.cems.hj212;

import java.io.Serializable;
import java.util.Optional;

/**
 * The SM4 key of each data logger, by MN: HJ 212-2025 encrypts the data area of data commands with
 * a 128-bit key per logger (see {@link Sm4DataArea}). Implementations must never reveal a key in
 * {@code toString}, exceptions or logs. {@link Sm4KeyRing} is the mutable, thread-safe one.
 */
@FunctionalInterface
public interface Sm4Keys extends Serializable {

    /** The 16-byte key for this MN, if one is known. The caller must not modify the array. */
    Optional<byte[]> keyFor(String mn);

    /** No keys: every encrypted data area is rejected as {@code no_key}. */
    static Sm4Keys none() {
        return mn -> Optional.empty();
    }
}
