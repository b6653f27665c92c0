package org.cems.simulator;

/**
 * Occasional instrument flags (HJ 212-2017 Table 8): about 0.5 % of values carry C (calibration)
 * or M (maintenance), in short runs of one or two minutes, as a real CEMS does during its daily
 * zero/span check. Event time is cut into 3-minute blocks; a block starts a run with probability
 * {@link #RUN_PROBABILITY_PER_BLOCK}, and the run covers its first one or two minutes, so runs
 * never merge across blocks.
 */
final class InstrumentFlags {
    static final String NORMAL = "N";
    static final String CALIBRATION = "C";
    static final String MAINTENANCE = "M";

    static final long BLOCK_MILLIS = 3 * 60_000L;
    /** A run covers 1.5 of 3 minutes on average, so 1 % of blocks give 0.5 % of values. */
    static final double RUN_PROBABILITY_PER_BLOCK = 0.01;

    static final int LONGEST_RUN_MINUTES = 2;

    private final Noise noise;

    InstrumentFlags(Noise noise) {
        this.noise = noise;
    }

    /** The flag of {@code instrument} at point {@code mn} at an event time. */
    String flagAt(String mn, Instrument instrument, long timeMillis) {
        if (instrument == Instrument.PLANT_DCS) {
            return NORMAL;
        }
        long stream = Noise.stream(mn, instrument.name(), "flag");
        long block = Math.floorDiv(timeMillis, BLOCK_MILLIS);
        double draw = noise.uniform(stream, block);
        if (draw >= RUN_PROBABILITY_PER_BLOCK) {
            return NORMAL;
        }
        // the same draw, spread over [0, 1), picks the run's length and kind
        double within = draw / RUN_PROBABILITY_PER_BLOCK;
        long runMinutes = 1 + (long) (within * LONGEST_RUN_MINUTES);
        long minuteInBlock = (timeMillis - block * BLOCK_MILLIS) / 60_000L;
        if (minuteInBlock >= runMinutes) {
            return NORMAL;
        }
        return within * LONGEST_RUN_MINUTES % 1.0 < 2.0 / 3.0 ? CALIBRATION : MAINTENANCE;
    }
}
