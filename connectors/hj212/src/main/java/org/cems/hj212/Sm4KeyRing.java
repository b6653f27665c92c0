package org.cems.hj212;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutable, thread-safe {@link Sm4Keys}: loaded from the registry or a secret file, changed when a
 * logger receives a new key (CN 1014, {@link Sm4DataArea#newKey(Hj212Packet)}). Keys are copied in
 * and never appear in {@link #toString()}.
 */
public final class Sm4KeyRing implements Sm4Keys {

    private static final long serialVersionUID = 1L;

    private final ConcurrentHashMap<String, byte[]> keysByMn = new ConcurrentHashMap<>();

    /** A ring holding these keys (MN to 16-byte key). */
    public static Sm4KeyRing of(Map<String, byte[]> keysByMn) {
        Sm4KeyRing ring = new Sm4KeyRing();
        keysByMn.forEach(ring::put);
        return ring;
    }

    /** Sets (or replaces) the key of an MN. */
    public void put(String mn, byte[] key) {
        Objects.requireNonNull(mn, "mn");
        keysByMn.put(mn, Sm4DataArea.checkKey(key).clone());
    }

    /** Removes the key of an MN: its encrypted frames become {@code no_key}. */
    public void remove(String mn) {
        keysByMn.remove(mn);
    }

    public int size() {
        return keysByMn.size();
    }

    @Override
    public Optional<byte[]> keyFor(String mn) {
        byte[] key = mn == null ? null : keysByMn.get(mn);
        return key == null ? Optional.empty() : Optional.of(Arrays.copyOf(key, key.length));
    }

    @Override
    public String toString() {
        return "Sm4KeyRing{" + keysByMn.size() + " MNs}";
    }
}
