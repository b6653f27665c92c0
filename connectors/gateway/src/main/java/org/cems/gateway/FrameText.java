package org.cems.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and cleaning frame text that did not decode: the MN it names, its password hidden. */
final class FrameText {
    /** A PW header field: first in the segment (after {@code ##dddd}) or after a separator. */
    private static final Pattern PASSWORD = Pattern.compile("((?:^##\\d{4}|^|[;,])\\s*PW=)[^;,&]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MN = Pattern.compile("(?:^##\\d{4}|[;,])\\s*MN=([0-9A-Za-z_\\-]{1,64})",
            Pattern.CASE_INSENSITIVE);
    /** The new SM4 key of a CN 1014 (HJ 212-2025), in a plaintext frame. */
    private static final Pattern NEW_KEY = Pattern.compile("(NewSK\\s*=)[^;,&]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CP_START = Pattern.compile("CP=&&", Pattern.CASE_INSENSITIVE);
    static final String HIDDEN = "***";

    private FrameText() {}

    /**
     * The text with every PW value and SM4 key ({@code NewSK}) replaced: dead letters are read by
     * more people than passwords and keys are.
     */
    static String hideSecrets(String frameText) {
        return NEW_KEY.matcher(PASSWORD.matcher(frameText).replaceAll("$1" + HIDDEN)).replaceAll("$1" + HIDDEN);
    }

    /**
     * True when the text holds a frame's whole header (it reaches {@code CP=&&}). Only then is an
     * answer built from it right: the codec keeps just the first bytes of a frame rejected on its
     * length, and an answer from those could carry a cut MN or miss the Flag that gives the edition.
     */
    static boolean headerComplete(String frameText) {
        return CP_START.matcher(frameText).find();
    }

    /** The MN a broken frame names, if its header is there whole (a cut one could name another MN). */
    static Optional<String> mn(String frameText) {
        Matcher m = MN.matcher(frameText);
        return headerComplete(frameText) && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
