package org.cems.simulator;

import java.util.List;
import org.cems.core.reading.Reading;

/**
 * The gas analyser of the targeted point carries non-N flags over spans of event time from the
 * first full hour at or after START, while the unit runs on (flow and load stay normal, flagged N):
 * <ul>
 * <li>instrument-stopped: F (HJ 212-2017 Table 8: the instrument stopped) for one hour. Not a source
 *     stop: nothing corroborates one, so the hour is missing data.</li>
 * <li>invalid-hours: C (calibration) for one hour, then D (fault) for two, then M (maintenance) for one.</li>
 * </ul>
 * The values themselves stay what the analyser reads.
 */
final class AnalyserFlags extends ReadingChange {
    private final Placement at;
    private final long startMillis;
    private final List<Span> spans;

    private AnalyserFlags(Placement at, List<Span> spans) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS);
        this.spans = spans;
    }

    static AnalyserFlags instrumentStopped(Placement at) {
        return new AnalyserFlags(at, List.of(new Span(1, "F")));
    }

    static AnalyserFlags invalidHours(Placement at) {
        return new AnalyserFlags(at, List.of(new Span(1, "C"), new Span(2, "D"), new Span(1, "M")));
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.targets(point) && flagAt(timeMillis) != null;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        flag(reading, Instrument.GAS_ANALYSER, flagAt(timeMillis));
    }

    private String flagAt(long timeMillis) {
        long spanStart = startMillis;
        for (Span s : spans) {
            long spanEnd = spanStart + s.hours * Placement.HOUR_MILLIS;
            if (timeMillis >= spanStart && timeMillis < spanEnd) {
                return s.flag;
            }
            spanStart = spanEnd;
        }
        return null;
    }

    private record Span(int hours, String flag) {}
}
