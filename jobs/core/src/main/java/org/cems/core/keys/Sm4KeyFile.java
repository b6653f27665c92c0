package org.cems.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cems.hj212.Sm4DataArea;
import org.cems.hj212.Sm4KeyRing;

/**
 * The SM4 keys of HJ 212-2025 data loggers (docs/hj212-2025.md, "SM4 keys"), kept out of the
 * registry because the registry is not secret: a file, or an environment variable, of
 * {@code MN=32-hex-digit-key} entries. In a file one entry a line, with blank lines and
 * {@code #} comments; in a variable entries may also be separated by spaces, commas or semicolons.
 * Every error names the line (or entry) and the MN, never the key.
 */
public final class Sm4KeyFile {
    private static final Pattern ENV_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern MN = Pattern.compile("[0-9A-Za-z_\\-]{1,64}");

    private Sm4KeyFile() {}

    /** The keys of a file. @throws IllegalArgumentException naming the file and line of each mistake */
    public static Sm4KeyRing load(Path file) {
        return Sm4KeyRing.of(read(file));
    }

    /** The keys of a file by MN. @throws IllegalArgumentException naming the file and line of each mistake */
    public static Map<String, byte[]> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": cannot read the SM4 key file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(List.of(text.split("\r?\n", -1)), file + " line ");
    }

    /** The keys an environment variable holds, by MN. @throws IllegalArgumentException when it is unset or malformed */
    public static Map<String, byte[]> readEnv(String variable) {
        String text = System.getenv(variable);
        if (text == null) {
            throw new IllegalArgumentException("environment variable " + variable + " (SM4 keys) is not set");
        }
        return parse(List.of(ENV_SEPARATORS.split(text.trim())), "environment variable " + variable + " entry ");
    }

    /**
     * Sets one MN's key in the file: its line is replaced (or a line appended), other lines kept as
     * they are. The new file is written next to the old one, owner-only, and moved over it in one
     * step, so a crash leaves the old file or the new one, never half of either.
     */
    public static void store(Path file, String mn, byte[] key) {
        checkMn(mn);
        if (key == null || key.length != Sm4DataArea.KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key is " + Sm4DataArea.KEY_BYTES + " bytes");
        }
        String entry = mn + "=" + HexFormat.of().withUpperCase().formatHex(key);
        try {
            List<String> lines = Files.exists(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>();
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (mn.equals(mnOf(lines.get(i)))) {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(entry);
            }
            Path dir = file.toAbsolutePath().getParent();
            Path temp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                Files.createFile(temp); // no POSIX permissions on this file system
            }
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    file + ": cannot write the SM4 key of MN " + mn + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static Map<String, byte[]> parse(List<String> entries, String where) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            int number = i + 1;
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int eq = entry.indexOf('=');
            String mn = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (eq < 0 || !MN.matcher(mn).matches()) {
                problems.add(where + number + ": write MN=32-hex-digit-key");
                continue;
            }
            try {
                byte[] key = Sm4DataArea.parseHexKey(entry.substring(eq + 1));
                Integer earlier = firstAt.putIfAbsent(mn, number);
                if (earlier != null) {
                    problems.add(where + number + ": MN " + mn + " has a key already (at " + earlier + ")");
                } else {
                    keys.put(mn, key);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + number + ": the key of MN " + mn + " is not 32 hex digits (a 128-bit SM4 key)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return keys;
    }

    private static String mnOf(String line) {
        String s = line.strip();
        int eq = s.indexOf('=');
        return s.startsWith("#") || eq < 0 ? null : s.substring(0, eq).strip();
    }

    private static void checkMn(String mn) {
        if (mn == null || !MN.matcher(mn).matches()) {
            throw new IllegalArgumentException("not an MN: " + mn);
        }
    }
}
