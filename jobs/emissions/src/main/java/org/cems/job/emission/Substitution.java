package org.cems.job.emission;

import org.cems.job.quality.AccountingNote;

/**
 * HJ 75-2017's handling of invalid (失控) and missing (缺失) hours for the accounted hourly
 * emission amount (排放量) of SO2, NOx and PM; concentrations are never substituted. As in the
 * standard's data-handling table (real-plant-data.md section 1, from a public platform's
 * implementation; the PDF was not available):
 *
 * <pre>
 *   α (quarter's valid-data capture rate)   N (consecutive invalid/missing hours)   substitute
 *   α ≥ 90 %                                N ≤ 24                                  max hourly mass of the previous 180 valid hours
 *   α ≥ 90 %                                N > 24                                  max of the previous 720 valid hours
 *   75 % ≤ α < 90 %                         any                                     max of the previous 2160 valid hours
 *   α < 75 %                                the standard gives no rule: config {@code accounting.alpha_below_75}
 * </pre>
 *
 * α = (H − H_stopped − H_invalid) / (H − H_stopped) over the quarter's hours before this one
 * (1 when there are none). Without any valid hour yet the substitute is 0, marked.
 */
public final class Substitution {
    public static final int SHORT_RUN_HOURS = 24;
    public static final int WINDOW_SHORT = 180;
    public static final int WINDOW_LONG = 720;
    public static final int WINDOW_QUARTER = 2160;
    public static final double ALPHA_HIGH = 0.90;
    public static final double ALPHA_LOW = 0.75;

    /** What {@code alpha_below_75} may say: the 2160-hour maximum (default), or no substitute (measured only). */
    public static final String BELOW_75_MAX_2160 = "max_2160";

    public static final String BELOW_75_NONE = "none";

    private Substitution() {}

    /**
     * The substitute for one invalid or missing hour.
     *
     * @param alpha the quarter's capture rate before this hour, 0..1
     * @param run consecutive invalid or missing hours including this one
     * @param max180 max valid hourly mass of the previous 180 valid hours (null: no history)
     * @param belowAlpha75 {@link #BELOW_75_MAX_2160} or {@link #BELOW_75_NONE}
     */
    public static Substitute of(
            double alpha, int run, Double max180, Double max720, Double max2160, String belowAlpha75) {
        if (alpha < ALPHA_LOW) {
            if (BELOW_75_NONE.equals(belowAlpha75)) {
                return new Substitute(null, AccountingNote.SUBSTITUTION_ALPHA_BELOW_75);
            }
            return new Substitute(
                    orZero(max2160),
                    max2160 == null
                            ? AccountingNote.SUBSTITUTION_NO_HISTORY
                            : AccountingNote.SUBSTITUTION_ALPHA_BELOW_75);
        }
        Double max = alpha < ALPHA_HIGH ? max2160 : run <= SHORT_RUN_HOURS ? max180 : max720;
        return new Substitute(orZero(max), max == null ? AccountingNote.SUBSTITUTION_NO_HISTORY : null);
    }

    private static double orZero(Double v) {
        return v == null ? 0.0 : v;
    }

    /**
     * @param kg the substitute hourly mass; null when none is made (α below 75 % with {@code none})
     * @param qualityNote a reason to count in {@code quality}, or null
     */
    public record Substitute(Double kg, AccountingNote qualityNote) {}
}
