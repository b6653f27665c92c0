package org.cems.core.deadletter;

import java.util.regex.Pattern;

/**
 * Hides the secrets an input can carry before it is kept as a dead letter's payload: dead letters
 * are read by more people than passwords and keys are. Applied by {@link DeadLetterMessage} to every
 * dead letter, from the job and from the gateway.
 */
public final class PayloadSecrets {
    public static final String HIDDEN = "***";
    /**
     * The HJ 212 access password (header field PW, HJ 212-2017 6.3.2 Table 4): first in the segment
     * (after {@code ##dddd}) or after a separator; a value cut by the excerpt is hidden too.
     */
    private static final Pattern PASSWORD =
            Pattern.compile("((?:^##\\d{4}|^|[;,&])\\s*(?:New)?PW\\s*=)[^;,&]*", Pattern.CASE_INSENSITIVE);
    /** The new SM4 key of a CN 1014 (HJ 212-2025) in a plaintext frame. */
    private static final Pattern NEW_KEY = Pattern.compile("(NewSK\\s*=)[^;,&]*", Pattern.CASE_INSENSITIVE);
    /** A password in a JSON payload. */
    private static final Pattern JSON_PASSWORD =
            Pattern.compile("(\"(?:pw|password)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"?", Pattern.CASE_INSENSITIVE);

    private PayloadSecrets() {}

    /** The text with every PW and NewPW value (CN 1072 sets a new one), SM4 key and JSON password replaced. */
    public static String hide(String text) {
        String hidden = PASSWORD.matcher(text).replaceAll("$1" + HIDDEN);
        hidden = NEW_KEY.matcher(hidden).replaceAll("$1" + HIDDEN);
        return JSON_PASSWORD.matcher(hidden).replaceAll("$1" + HIDDEN + "\"");
    }
}
