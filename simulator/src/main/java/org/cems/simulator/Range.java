package org.cems.simulator;

/** A closed interval of plausible values, e.g. outlet SO2 15-30 mg/m3. */
public record Range(double low, double high) {
    public Range {
        if (!(low <= high)) {
            throw new IllegalArgumentException("range low " + low + " is above high " + high);
        }
    }

    /** The value at {@code position} in [0, 1] across the range. */
    public double at(double position) {
        return low + (high - low) * position;
    }

    /** Where {@code value} lies across the range, 0 at low and 1 at high. */
    public double positionOf(double value) {
        return high == low ? 0.0 : (value - low) / (high - low);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
