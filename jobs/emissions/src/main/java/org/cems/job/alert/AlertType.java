package org.cems.job.alert;

/** Alert types with their severity. */
public enum AlertType {
    /** A valid hourly reference-O2 average above the source's limit. */
    EXCEEDANCE("exceedance", "critical"),
    /** Device efficiency below its minimum or too far under its baseline. */
    EFFICIENCY_DROP("efficiency_drop", "major"),
    /** A running monitoring point went silent. */
    NO_DATA("no_data", "major"),
    /** Flag D (fault) for longer than allowed. */
    INSTRUMENT_FAULT("instrument_fault", "major"),
    /** Flag C (calibration) for longer than allowed. */
    INSTRUMENT_CALIBRATION("instrument_calibration", "warning"),
    /** Flag M (maintenance) for longer than allowed. */
    INSTRUMENT_MAINTENANCE("instrument_maintenance", "warning"),
    /** Flag T (above the analyser's upper limit): the true value may be higher than reported. */
    INSTRUMENT_OVER_RANGE("instrument_over_range", "major"),
    /** Flag F (instrument stopped) while nothing says the source stopped: its data is missing. */
    INSTRUMENT_STOPPED("instrument_stopped", "major"),
    /** A point's DataTimes are off its arrival times: its data logger's clock is wrong. */
    CLOCK_SKEW("clock_skew", "major"),
    /** A treatment facility draws no power (HJ 212-2025 ST=44) while its production runs: it is not treating. */
    TREATMENT_NO_POWER("treatment_no_power", "major");

    private final String code;
    private final String severity;

    AlertType(String code, String severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public String severity() {
        return severity;
    }
}
