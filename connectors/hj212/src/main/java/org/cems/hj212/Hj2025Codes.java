package org.cems.hj212;

/**
 * Item codes HJ 212-2025 adds outside the HJ 212-2017 air-code table: electricity monitoring
 * ({@code d…}, ST=44) and key production conditions ({@code p…}, ST=45). The parser keeps them as
 * any other item; values stay text, so a condition mark such as {@code St} is read with
 * {@link Hj212Item#value(String)}, not {@link Hj212Item#number(String)}.
 */
public final class Hj2025Codes {

    private Hj2025Codes() {}

    /** {@code d2xxxx}: electricity of a production facility (ST=44), e.g. {@code d20105}. */
    public static boolean isProductionFacilityPower(String code) {
        return isCode(code, 'd', '2');
    }

    /** {@code d3xxxx}: electricity of a treatment (pollution control) facility (ST=44), e.g. {@code d30106}. */
    public static boolean isTreatmentFacilityPower(String code) {
        return isCode(code, 'd', '3');
    }

    /** {@code pxxxxx}: a key production condition (ST=45), whose value is a condition mark. */
    public static boolean isProductionCondition(String code) {
        return code != null && code.length() == 6 && code.charAt(0) == 'p' && digits(code, 1);
    }

    private static boolean isCode(String code, char letter, char group) {
        return code != null
                && code.length() == 6
                && code.charAt(0) == letter
                && code.charAt(1) == group
                && digits(code, 2);
    }

    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
