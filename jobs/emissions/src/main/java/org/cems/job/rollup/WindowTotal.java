package org.cems.job.rollup;

/**
 * The running total of one scope's window for one pollutant: what {@link Rollup} keeps, and what
 * {@link ContributionSums} merges changes into. A Flink POJO.
 *
 * <p>The sum is compensated (Neumaier): a stack's corrected mass replaces its earlier one by
 * adding the difference, and a city's hour has 100,000 of them, so plain adding would let the
 * rounding of each step build up.
 */
public class WindowTotal {
    public String scope;
    public String id;
    public String pollutant;
    public String window;
    public long windowStartMillis;

    public double massKg;
    /** What rounding took off {@link #massKg} so far. */
    public double compensationKg;
    /** Stacks with a mass in this window. */
    public int sources;

    /** Processing time of the last change: the window's state goes {@link Rollup#KEEP_MS} after it. */
    public long lastUpdateMillis;
    /** The pending clean-up timer. */
    public long cleanupAtMillis;

    public WindowTotal() {}

    static WindowTotal of(Contribution c) {
        WindowTotal t = new WindowTotal();
        t.scope = c.scope;
        t.id = c.id;
        t.pollutant = c.pollutant;
        t.window = c.window;
        t.windowStartMillis = c.windowStartMillis;
        return t;
    }

    void add(double deltaKg) {
        double sum = massKg + deltaKg;
        compensationKg += Math.abs(massKg) >= Math.abs(deltaKg) ? (massKg - sum) + deltaKg : (deltaKg - sum) + massKg;
        massKg = sum;
    }

    TotalRecord record() {
        return new TotalRecord(scope, id, pollutant, window, windowStartMillis, massKg + compensationKg, sources);
    }
}
