package org.cems.simulator;

import java.util.ArrayList;
import java.util.List;
import org.cems.core.reading.Reading;

/**
 * logger-totals: from the first full hour at or after START, the targeted point's logger sends
 * its own totals: minute data (CN 2051, at its interval-Nm or else every minute) with {@code -Cou},
 * and at each hour's and day's end CN 2061 and 2031 with {@code -Cou} ({@link LoggerAverage#addTotals};
 * an hour's mean is the mean of its minute means, HJ 212-2017 eq. 24; a day's mean the mean of its
 * hourly means, eq. 25, and its {@code -Cou} the sum of its hours', eq. 34). The whole local day
 * after the one it starts in is sent only as that day's 2031, at its end: nothing else of the day
 * reaches the platform.
 */
final class LoggerTotals implements Scenario {
    private final Placement at;
    private final long startMillis;
    private final long onlyDayStartMillis;

    LoggerTotals(Placement at) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS);
        this.onlyDayStartMillis = at.floorOnGrid(startMillis, Placement.DAY_MILLIS) + Placement.DAY_MILLIS;
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        if (!at.targets(point) || tickMillis < startMillis) {
            return upstream.uploadsAt(point, tickMillis);
        }
        List<Upload> uploads = new ArrayList<>();
        for (Upload u : minuteRecords(point, tickMillis, upstream)) {
            if (Reading.CN_MINUTE.equals(u.cn())) {
                LoggerAverage.addTotals(point, u.reading, at.dataStepMillis());
            }
            uploads.add(u);
        }
        long hourEnd = at.floorOnGrid(tickMillis, Placement.HOUR_MILLIS);
        if (at.sendsAt(hourEnd, tickMillis) && hourEnd > startMillis) {
            sendIfAny(uploads, hour(point, hourEnd - Placement.HOUR_MILLIS, upstream));
        }
        long dayEnd = at.floorOnGrid(tickMillis, Placement.DAY_MILLIS);
        if (at.sendsAt(dayEnd, tickMillis) && dayEnd > startMillis) {
            sendIfAny(uploads, day(point, dayEnd - Placement.DAY_MILLIS, upstream));
        }
        uploads.removeIf(u -> !Reading.CN_DAY.equals(u.cn())
                && u.timeMillis() >= onlyDayStartMillis
                && u.timeMillis() < onlyDayStartMillis + Placement.DAY_MILLIS);
        return uploads;
    }

    /** The day that reaches the platform only as its CN 2031 record. */
    long onlyDayStartMillis() {
        return onlyDayStartMillis;
    }

    /** Upstream's uploads at a tick, with real-time readings turned into one-minute records unless interval-Nm did so. */
    private List<Upload> minuteRecords(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        if (uploads.stream().noneMatch(Upload::isRealTime)) {
            return uploads;
        }
        return MinuteData.minuteRecords(at, Placement.MINUTE_MILLIS, point, tickMillis, upstream);
    }

    /** CN 2061 of the hour from {@code hourStart}, from the minute records whose DataTime is in it. */
    Reading hour(MonitoringPoint point, long hourStart, Gateway upstream) {
        long hourEnd = hourStart + Placement.HOUR_MILLIS;
        List<Reading> minutes = new ArrayList<>();
        // a record goes out at the first tick at or after its interval's end
        for (long t = at.firstTickAtOrAfter(hourStart + 1); t <= at.firstTickAtOrAfter(hourEnd); t += at.tickMillis()) {
            for (Upload u : minuteRecords(point, t, upstream)) {
                if (Reading.CN_MINUTE.equals(u.cn()) && u.timeMillis() >= hourStart && u.timeMillis() < hourEnd) {
                    minutes.add(u.reading);
                }
            }
        }
        Reading record = LoggerAverage.of(point.mn(), Reading.CN_HOUR, hourStart, minutes);
        if (record != null) {
            LoggerAverage.addTotals(point, record, Placement.HOUR_MILLIS);
        }
        return record;
    }

    /** CN 2031 of the day from {@code dayStart}: means of its hourly means, totals the sums of its hours'. */
    Reading day(MonitoringPoint point, long dayStart, Gateway upstream) {
        List<Reading> hours = new ArrayList<>();
        for (long h = dayStart; h < dayStart + Placement.DAY_MILLIS; h += Placement.HOUR_MILLIS) {
            Reading hour = hour(point, h, upstream);
            if (hour != null) {
                hours.add(hour);
            }
        }
        Reading record = LoggerAverage.of(point.mn(), Reading.CN_DAY, dayStart, hours);
        if (record != null) {
            record.values.forEach((code, v) -> {
                if (hours.stream().anyMatch(h -> h.values.containsKey(code) && h.values.get(code).cou != null)) {
                    v.cou = Rounding.forTotal(hours.stream()
                            .map(h -> h.values.get(code))
                            .filter(hv -> hv != null && hv.cou != null)
                            .mapToDouble(hv -> hv.cou)
                            .sum());
                }
            });
        }
        return record;
    }

    private static void sendIfAny(List<Upload> uploads, Reading record) {
        if (record != null) {
            uploads.add(Upload.data(record));
        }
    }
}
