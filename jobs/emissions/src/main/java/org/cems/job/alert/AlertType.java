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
    INSTRUMENT_MAINTENANCE("instrument_maintenance", "warning");

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
