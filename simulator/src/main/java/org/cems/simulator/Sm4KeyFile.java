package org.cems.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cems.hj212.Sm4DataArea;

/**
 * {@code --sm4-keys FILE}: the SM4 keys of the simulated data loggers (HJ 212-2025), one
 * {@code MN=32-hex-digit-key} a line, the format the gateway and the job read; blank lines and
 * lines starting with {@code #} are skipped. A bad line is refused by its number, never its key.
 */
final class Sm4KeyFile {
    private Sm4KeyFile() {}

    static Map<String, byte[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--sm4-keys " + file + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new IllegalArgumentException("no MN=");
                }
                keys.put(line.substring(0, eq).strip(), Sm4DataArea.parseHexKey(line.substring(eq + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--sm4-keys " + file + " line " + (i + 1) + ": not MN=<32 hex digits>");
            }
        }
        return keys;
    }
}
