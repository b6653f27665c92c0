package org.cems.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading frame text that did not decode: the MN it names, whether its header is whole. */
final class FrameText {
    private static final Pattern MN =
            Pattern.compile("(?:^##\\d{4}|[;,])\\s*MN=([0-9A-Za-z_\\-]{1,64})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CP_START = Pattern.compile("CP=&&", Pattern.CASE_INSENSITIVE);

    private FrameText() {}

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
