package org.cems.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents the demo plays, one per alert type, as simulator {@code --scenario} values with
 * START relative to the live start ({@code -20h}: inside the replay). Each is on its own point, so
 * none hides another; replayed ones are spread over the replay and end at least {@link #SETTLE}
 * before it does, so each fires and resolves during the replay.
 *
 * @param scenarios the {@code --scenario} values
 * @param expected one line per incident: scenario, point, the alert types it should raise
 */
record DemoIncidents(List<String> scenarios, List<String> expected) {
    /** The shortest replay that holds the incidents: the first at 1 h, the last {@link #SETTLE} before the end. */
    static final Duration MIN_REPLAY = Duration.ofHours(7);
    /**
     * From an incident's START to the end of the replay: invalid-hours lasts 4 h (C 1 h, D 2 h,
     * M 1 h) from the next full hour, then instrument.hold (10m) and the watermark.
     */
    private static final Duration SETTLE = Duration.ofHours(6);
    /** gateway-silent goes live this long after the live start: no_data is processing time, a replay cannot show it. */
    private static final String SILENT_LIVE_AT = "2m";

    /** Scenario, target, and the alerts it raises: in the order they are spread over the replay. */
    private static final String[][] REPLAYED = {
        // C 1 h, D 2 h, M 1 h; the demo lowers instrument.calibration and .maintenance to 30m so both show
        {"invalid-hours", "u1-fgd-in", "instrument_calibration, instrument_fault, instrument_maintenance"},
        // SO2 12x for 30 min: the hour's reference-O2 average over the 35 mg/m3 limit; resolved after a valid hour
        {"fgd-pump-trip", "u2-fgd", "exceedance (u2-stack SO2)"},
        {"scr-fouling", "u1-scr", "efficiency_drop (u1-scr), exceedance (u1-stack NOx)"},
        {"instrument-stopped", "h2-stack", "instrument_stopped"},
        {"analyser-fault", "co-stack", "instrument_fault"},
        {"over-range", "h1-stack", "instrument_over_range"},
    };

    /** The incidents of a replay of this length (zero: the live one only). */
    static DemoIncidents forReplay(Duration replay) {
        List<String> scenarios = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        if (!replay.isZero()) {
            long firstHoursBefore = replay.toHours() - 1;
            long lastHoursBefore = SETTLE.toHours();
            for (int i = 0; i < REPLAYED.length; i++) {
                long hoursBefore = firstHoursBefore - (firstHoursBefore - lastHoursBefore) * i / (REPLAYED.length - 1);
                String[] incident = REPLAYED[i];
                scenarios.add(incident[0] + "@-" + hoursBefore + "h:" + incident[1]);
                expected.add(String.format(
                        "%-20s %-10s %3d h before live: %s", incident[0], incident[1], hoursBefore, incident[2]));
            }
        }
        scenarios.add("gateway-silent@" + SILENT_LIVE_AT + ":u2-scr-in");
        expected.add(String.format(
                "%-20s %-10s %s after live: no_data (silent 15 min; fires after 10)",
                "gateway-silent", "u2-scr-in", SILENT_LIVE_AT));
        return new DemoIncidents(List.copyOf(scenarios), List.copyOf(expected));
    }
}
