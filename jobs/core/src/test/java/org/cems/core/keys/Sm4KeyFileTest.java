package org.cems.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.cems.hj212.Sm4KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm4KeyFileTest {
    /** The GB/T 32907-2016 Appendix A example key. */
    private static final String KEY = "0123456789ABCDEFFEDCBA9876543210";

    private static final String OTHER = "00112233445566778899AABBCCDDEEFF";

    @TempDir
    Path dir;

    @Test
    void readsEntriesCommentsAndBlankLines() throws Exception {
        Path file = dir.resolve("sm4.keys");
        Files.writeString(
                file, "# keys of the 2025 loggers\n\nMN1=" + KEY + "\n  MN2 = " + OTHER.toLowerCase() + "  \n");
        Sm4KeyRing ring = Sm4KeyFile.load(file);
        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.keyFor("MN1"))
                .hasValueSatisfying(k ->
                        assertThat(HexFormat.of().withUpperCase().formatHex(k)).isEqualTo(KEY));
        assertThat(ring.keyFor("MN2"))
                .hasValueSatisfying(k ->
                        assertThat(HexFormat.of().withUpperCase().formatHex(k)).isEqualTo(OTHER));
        assertThat(ring.toString()).doesNotContain(KEY).doesNotContain("0123");
    }

    @Test
    void everyMistakeNamesItsLineAndNeverTheKey() throws Exception {
        Path file = dir.resolve("bad.keys");
        String shortKey = "0123456789ABCDEFFEDCBA98765432";
        Files.writeString(file, "MN1=" + KEY + "\nMN2=" + shortKey + "\njust text\nMN1=" + OTHER + "\n");
        assertThatThrownBy(() -> Sm4KeyFile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " line 2: the key of MN MN2 is not 32 hex digits")
                .hasMessageContaining(file + " line 3: write MN=32-hex-digit-key")
                .hasMessageContaining(file + " line 4: MN MN1 has a key already (at 1)")
                .hasMessageNotContaining(shortKey)
                .hasMessageNotContaining(KEY)
                .hasMessageNotContaining(OTHER);
    }

    @Test
    void storeReplacesTheLineOrAppendsAndLeavesAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("sm4.keys");
        Files.writeString(file, "# keep me\nMN1=" + KEY + "\nMN2=" + KEY + "\n");
        Sm4KeyFile.store(file, "MN1", HexFormat.of().parseHex(OTHER));
        Sm4KeyFile.store(file, "MN3", HexFormat.of().parseHex(OTHER));
        assertThat(Files.readAllLines(file)).containsExactly("# keep me", "MN1=" + OTHER, "MN2=" + KEY, "MN3=" + OTHER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
    }

    @Test
    void sourceMergesFileAndVariableAndNeedsOneKeyPerMn() throws Exception {
        Path file = dir.resolve("sm4.keys");
        Files.writeString(file, "MN1=" + KEY + "\n");
        assertThat(new Sm4KeySource(file.toString(), null).load().size()).isEqualTo(1);
        assertThat(Sm4KeySource.none().load().size()).isZero();
        assertThatThrownBy(() -> new Sm4KeySource(null, "CEMS_TEST_NO_SUCH_VARIABLE").load())
                .hasMessageContaining("environment variable CEMS_TEST_NO_SUCH_VARIABLE (SM4 keys) is not set");
    }
}
