package org.cems.core.keys;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cems.hj212.Sm4KeyRing;

/**
 * Where the SM4 keys are, not the keys: a key file, an environment variable, both or neither. A
 * Flink function holds this and loads the keys in {@code open()}, so no key travels in the job graph
 * or sits in a checkpoint.
 *
 * @param file        a key file ({@link Sm4KeyFile}), or null
 * @param envVariable an environment variable holding entries, or null
 */
public record Sm4KeySource(String file, String envVariable) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No keys: every SM4-encrypted data area is {@code no_key} (an empty ring). */
    public static Sm4KeySource none() {
        return new Sm4KeySource(null, null);
    }

    public boolean isNone() {
        return file == null && envVariable == null;
    }

    /**
     * The keys of the file and the variable together.
     *
     * @throws IllegalArgumentException naming the line, entry or MN at fault (never a key)
     */
    public Sm4KeyRing load() {
        Map<String, byte[]> keys = new HashMap<>();
        if (file != null) {
            keys.putAll(Sm4KeyFile.read(Path.of(file)));
        }
        if (envVariable != null) {
            for (Map.Entry<String, byte[]> e : Sm4KeyFile.readEnv(envVariable).entrySet()) {
                String mn = e.getKey();
                if (keys.put(mn, e.getValue()) != null) {
                    throw new IllegalArgumentException(
                            "MN " + mn + " has an SM4 key both in " + file + " and in " + envVariable);
                }
            }
        }
        return Sm4KeyRing.of(keys);
    }

    @Override
    public String toString() {
        return "Sm4KeySource[file=" + file + ", env=" + envVariable + "]";
    }
}
