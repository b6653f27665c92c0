package org.cems.simulator;

import java.time.LocalTime;

/**
 * The dispatch of a coal unit over a day as a fraction of its capacity, in local time: low at
 * night (wind covers demand), a morning peak, a dip at midday (solar) and the evening peak.
 */
public final class DailyLoadCurve {
    /** Fraction of capacity at each full hour 0..24; 24 repeats 0 so the day wraps smoothly. */
    private static final double[] FRACTION_AT_HOUR = {
        0.62, 0.58, 0.55, 0.53, 0.53, 0.56, 0.65, 0.78, 0.90, 0.96, 0.97, 0.92, 0.82, 0.78, 0.80, 0.84, 0.90, 0.96,
        1.00, 1.00, 0.98, 0.92, 0.80, 0.70, 0.62
    };

    public static final double MIN_FRACTION = 0.53;
    public static final double MAX_FRACTION = 1.00;

    private DailyLoadCurve() {}

    /** The planned load fraction at a local time, linear between the hourly points. */
    public static double fractionAt(LocalTime time) {
        double hours = time.toSecondOfDay() / 3600.0;
        int hour = (int) hours;
        double along = hours - hour;
        return FRACTION_AT_HOUR[hour] * (1.0 - along) + FRACTION_AT_HOUR[hour + 1] * along;
    }
}
