package org.cems.cli.bench;

/**
 * How fast a job read a preloaded topic.
 *
 * @param rate records/s from submission until all were read (start-up included)
 * @param steadyRate records/s from 10 % to 90 % of them
 * @param complete false when the phase's time cap came first (the rate is then what was read by the cap)
 * @param error why the phase failed, or null
 */
record Throughput(double rate, double steadyRate, double seconds, boolean complete, String error) {
    static final Throughput NOT_RUN = new Throughput(Double.NaN, Double.NaN, Double.NaN, false, null);

    static Throughput failed(Exception e) {
        return new Throughput(Double.NaN, Double.NaN, Double.NaN, false, e.toString());
    }

    boolean ran() {
        return !Double.isNaN(rate);
    }

    /** "6,611 (8,180)", "102 (—) capped", "failed" or "—". */
    String show() {
        if (error != null) {
            return "failed";
        }
        if (!ran()) {
            return "—";
        }
        return String.format(
                "%,.0f (%s)%s",
                rate, Double.isNaN(steadyRate) ? "—" : String.format("%,.0f", steadyRate), complete ? "" : " capped");
    }
}
