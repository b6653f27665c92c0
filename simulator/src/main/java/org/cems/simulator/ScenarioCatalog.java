package org.cems.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.core.registry.DeviceType;

/**
 * Every scenario {@code --scenario} knows, in the order they act on a tick's uploads whatever the
 * order on the command line: the plant and its instruments first, then the logger's averaging and
 * totals, then what the station adds, breaks, stamps wrongly, loses or delivers late.
 */
final class ScenarioCatalog {
    static final String MINUTE_DATA_FORM = "interval-Nm";
    static final String FACILITY_POWER = "facility-power";
    static final String PRODUCTION_CONDITIONS = "production-conditions";
    /** Scenarios whose uploads exist in HJ 212-2025 frames only (no JSON or 2017 form). */
    static final Set<String> HJ212_2025_ONLY = Set.of(FACILITY_POWER, PRODUCTION_CONDITIONS);

    private static final Pattern MINUTE_DATA_NAME = Pattern.compile("interval-(\\d+)m");

    static final List<ScenarioType> ALL = List.of(
            ScenarioType.onDevice(
                    "scr-fouling",
                    DeviceType.SCR,
                    "SCR outlet NOx up to 4x over 1 h, 30 min more, then normal (catalyst changed)",
                    ScrFouling::new),
            ScenarioType.onDevice("fgd-pump-trip", DeviceType.FGD, "FGD outlet SO2 12x for 30 min", FgdPumpTrip::new),
            ScenarioType.onSource("analyser-fault", "the point's gas values flagged D for 20 min", AnalyserFault::new),
            ScenarioType.onSource(
                    "stop-at-30",
                    "unit trips at hh:30 for 90 min: flow, load ~0, flag F, CN 2021 SBn-RS=0 then 1",
                    UnitTrip::new),
            ScenarioType.onSource(
                    "startup",
                    "1 h unit start-up: O2 up to 20.5 %, low concentrations, flow 30 %, flag N",
                    StartUp::new),
            ScenarioType.onSource(
                    "instrument-stopped",
                    "gas analyser flagged F for 1 h, the unit running (not a source stop)",
                    AnalyserFlags::instrumentStopped),
            ScenarioType.onSource(
                    "invalid-hours",
                    "gas analyser flagged C for 1 h, D for 2 h, M for 1 h",
                    AnalyserFlags::invalidHours),
            ScenarioType.onSource(
                    "over-range",
                    "SO2 above the analyser's upper limit (3x normal top), flag T, for 20 min",
                    OverRange::new),
            ScenarioType.onSource(
                    MINUTE_DATA_FORM, "CN 2051 every N min (1-6, 10, 12, 15, 20, 30) instead of real-time data", null),
            ScenarioType.onSource(
                    "logger-totals",
                    "2051/2061/2031 with -Cou (kg, m3); the next day sent only as its 2031",
                    LoggerTotals::new),
            ScenarioType.onSource(
                    "station-uploads",
                    "CN 2021 SBn-RS hourly, 2041 SBn-RT daily, 2081 restart, 3020 site info",
                    StationUploads::new),
            ScenarioType.onSource(
                    FACILITY_POWER,
                    "2025: ST=44 electricity every minute; the treatment facilities draw 0 for 30 min, the unit runs",
                    FacilityPower::new),
            ScenarioType.onSource(
                    PRODUCTION_CONDITIONS,
                    "2025: ST=45 production-condition marks every minute: N, St for 30 min",
                    ProductionConditionMarks::new),
            ScenarioType.onSource(
                    "bad-values",
                    "NaN, empty, text items; only unknown codes; negative SO2; O2 21.3 %",
                    BadValues::new),
            ScenarioType.onSource(
                    "clock-jump", "one data upload stamped 5 h ahead, one 30 min later in year 2099", ClockJump::new),
            ScenarioType.onSource("gateway-silent", "the point sends nothing for 15 min", LoggerOffline::gatewaySilent),
            ScenarioType.onSource(
                    "gap", "the point sends nothing for 3 h (logger offline), then resumes", LoggerOffline::gap),
            ScenarioType.onSource(
                    "retransmit", "one upload sent twice; 10 min of uploads delivered 20 min late", Retransmit::new));

    private ScenarioCatalog() {}

    /** The scenario of a name, {@code interval-10m} and the like included. */
    static ScenarioType named(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (ScenarioType type : ALL) {
            if (type.name().equals(name) && type.factory() != null) {
                return type;
            }
        }
        Matcher m = MINUTE_DATA_NAME.matcher(name);
        if (m.matches()) {
            return minuteData(Integer.parseInt(m.group(1)));
        }
        List<String> names = new ArrayList<>();
        ALL.forEach(t -> names.add(t.name()));
        throw new IllegalArgumentException("unknown scenario \"" + text + "\" (one of " + String.join(", ", names)
                + "; N one of " + new TreeSet<>(MinuteData.ALLOWED_MINUTES) + ")");
    }

    /** interval-Nm for N minutes. */
    static ScenarioType minuteData(int minutes) {
        if (!MinuteData.ALLOWED_MINUTES.contains(minutes)) {
            throw new IllegalArgumentException("interval-" + minutes + "m: the minute interval is one of "
                    + new TreeSet<>(MinuteData.ALLOWED_MINUTES) + " minutes (HJ 212-2017 MinInterval)");
        }
        return ScenarioType.onSource(
                "interval-" + minutes + "m", formOf(MINUTE_DATA_FORM).summary(), at -> new MinuteData(at, minutes));
    }

    /** The minutes of an interval-Nm scenario; empty for any other. */
    static Optional<Integer> minuteInterval(ScenarioType type) {
        Matcher m = MINUTE_DATA_NAME.matcher(type.name());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Where a scenario acts on a tick's uploads: its position in {@link #ALL}. */
    static int order(ScenarioType type) {
        String name = MINUTE_DATA_NAME.matcher(type.name()).matches() ? MINUTE_DATA_FORM : type.name();
        return ALL.indexOf(formOf(name));
    }

    /** One line per scenario for {@code --help}, indented by {@code indent}. */
    static String usage(String indent) {
        StringBuilder sb = new StringBuilder();
        for (ScenarioType t : ALL) {
            sb.append(indent)
                    .append(String.format("%-21s ", t.name()))
                    .append(t.summary())
                    .append('\n');
        }
        return sb.toString();
    }

    private static ScenarioType formOf(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
