package org.cems.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cems.core.registry.DeviceType;

/**
 * Incidents the simulator can play, each with what it does and for how long.
 * Device incidents act on the device's pollutant at its outlet point; point incidents on one point.
 */
public enum ScenarioKind {
    /**
     * A fouling SCR catalyst (ammonium bisulphate, ash): outlet NOx rises steadily to 4× over an
     * hour, stays there for 30 minutes, and is back to normal at once when the catalyst is changed.
     */
    SCR_FOULING("scr-fouling", DeviceType.SCR, Duration.ofMinutes(90)),
    /** An FGD slurry recirculation pump trips: outlet SO2 jumps to 12× for 30 minutes. */
    FGD_PUMP_TRIP("fgd-pump-trip", DeviceType.FGD, Duration.ofMinutes(30)),
    /** The gas analyser of a point fails: its gas values are flagged D (fault) for 20 minutes. */
    ANALYSER_FAULT("analyser-fault", null, Duration.ofMinutes(20)),
    /** A point's gateway sends nothing for 15 minutes. */
    GATEWAY_SILENT("gateway-silent", null, Duration.ofMinutes(15));

    static final Duration FOULING_RAMP = Duration.ofMinutes(60);
    static final double FOULED_FACTOR = 4.0;
    static final double PUMP_TRIP_FACTOR = 12.0;

    private final String option;
    private final DeviceType deviceType;
    private final Duration length;

    ScenarioKind(String option, DeviceType deviceType, Duration length) {
        this.option = option;
        this.deviceType = deviceType;
        this.length = length;
    }

    public String option() {
        return option;
    }

    /** The device type it acts on, or null for a point incident. */
    public DeviceType deviceType() {
        return deviceType;
    }

    public Duration length() {
        return length;
    }

    /** How much the outlet concentration is multiplied by, {@code sinceStartMillis} into the incident. */
    double outletFactor(long sinceStartMillis) {
        return switch (this) {
            case SCR_FOULING -> 1.0 + (FOULED_FACTOR - 1.0) * Math.min(1.0, sinceStartMillis / (double) FOULING_RAMP.toMillis());
            case FGD_PUMP_TRIP -> PUMP_TRIP_FACTOR;
            default -> 1.0;
        };
    }

    static ScenarioKind parse(String text) {
        List<String> names = new ArrayList<>();
        for (ScenarioKind k : values()) {
            if (k.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
            names.add(k.option);
        }
        throw new IllegalArgumentException("unknown scenario \"" + text + "\" (one of " + String.join(", ", names) + ")");
    }
}
