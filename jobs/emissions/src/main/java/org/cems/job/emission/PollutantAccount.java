package org.cems.job.emission;

/**
 * The running record HJ 75-2017's substitution needs for one pollutant of one source: the
 * current quarter's hour counts (for α), the run of consecutive invalid or missing hours (N), and
 * the maxima of the last 180, 720 and 2160 valid hourly masses. Each hour enters once, when it
 * first closes, in time order.
 */
public final class PollutantAccount {
    long quarterStart = Long.MIN_VALUE;
    int hours;
    int stoppedHours;
    int invalidHours;
    int run;
    long validHours;
    final MaxWindow max180 = new MaxWindow(Substitution.WINDOW_SHORT);
    final MaxWindow max720 = new MaxWindow(Substitution.WINDOW_LONG);
    final MaxWindow max2160 = new MaxWindow(Substitution.WINDOW_QUARTER);

    /** The quarter's capture rate so far: (H − H_stopped − H_invalid) / (H − H_stopped); 1 before any hour. */
    double alpha(long quarterOfHour) {
        if (quarterOfHour != quarterStart || hours - stoppedHours == 0) {
            return 1.0;
        }
        return (double) (hours - stoppedHours - invalidHours) / (hours - stoppedHours);
    }

    /** The substitute this hour would get (without recording it). */
    Substitution.Substitute substitute(long quarterOfHour, String belowAlpha75) {
        return Substitution.of(alpha(quarterOfHour), run + 1, max180.max(), max720.max(), max2160.max(), belowAlpha75);
    }

    void recordValid(long quarterOfHour, double massKg) {
        enter(quarterOfHour);
        run = 0;
        validHours++;
        max180.push(validHours, massKg);
        max720.push(validHours, massKg);
        max2160.push(validHours, massKg);
    }

    /** Stopped hours neither extend nor end a run of invalid hours. */
    void recordStopped(long quarterOfHour) {
        enter(quarterOfHour);
        stoppedHours++;
    }

    void recordInvalid(long quarterOfHour) {
        enter(quarterOfHour);
        invalidHours++;
        run++;
    }

    private void enter(long quarterOfHour) {
        if (quarterOfHour != quarterStart) {
            quarterStart = quarterOfHour;
            hours = 0;
            stoppedHours = 0;
            invalidHours = 0;
        }
        hours++;
    }
}
