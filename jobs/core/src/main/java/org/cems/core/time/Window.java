package org.cems.core.time;

import java.util.Optional;

/**
 * The aggregation windows of the outputs. {@link #label()} is the value of the InfluxDB
 * {@code window} tag and of the JSON {@code window} field; records and Flink state hold the label,
 * never the enum, so their serialized form stays as it was.
 */
public enum Window {
    MINUTE("1m"),
    HOUR("1h"),
    /** A calendar day in the configured zone (23, 24 or 25 hours). */
    DAY("1d");

    private final String label;

    Window(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether {@code label} names this window; false for null. */
    public boolean is(String label) {
        return this.label.equals(label);
    }

    /** The window with this label, if any. */
    public static Optional<Window> ofLabel(String label) {
        for (Window w : values()) {
            if (w.is(label)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
