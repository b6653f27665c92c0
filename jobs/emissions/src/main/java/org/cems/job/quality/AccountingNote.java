package org.cems.job.quality;

/**
 * Accounting events the {@code quality} measurement counts next to the dead letters: nothing was
 * turned away, but a number was made by a rule a regulator may ask about.
 */
public enum AccountingNote {
    /** An invalid or missing hour substituted with 0: no valid hour before it to take a maximum from. */
    SUBSTITUTION_NO_HISTORY("substitution_no_history"),
    /** The quarter's capture rate is below 75 %, where HJ 75-2017 gives no rule (config {@code accounting.alpha_below_75}). */
    SUBSTITUTION_ALPHA_BELOW_75("substitution_alpha_below_75"),
    /** The job's and the logger's (Cou) totals of a period differ beyond {@code accounting.logger_total_tolerance_pct}. */
    LOGGER_TOTAL_MISMATCH("logger_total_mismatch"),
    /** Missing hours of a silence longer than {@code accounting.max_gap}: counted, not emitted one by one. */
    GAP_NOT_ACCOUNTED("gap_not_accounted");

    private final String wireName;

    AccountingNote(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code reason} tag of the {@code quality} measurement. */
    public String wireName() {
        return wireName;
    }
}
