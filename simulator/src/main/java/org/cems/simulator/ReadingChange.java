package org.cems.simulator;

import java.util.List;
import org.cems.core.reading.Reading;

/** A scenario that changes the plant's real-time readings at some points and times, before the logger averages them. */
abstract class ReadingChange implements Scenario {

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        for (Upload u : uploads) {
            if (u.isRealTime() && acts(point, u.timeMillis())) {
                change(point, u.reading, u.timeMillis());
            }
        }
        return uploads;
    }

    abstract boolean acts(MonitoringPoint point, long timeMillis);

    abstract void change(MonitoringPoint point, Reading reading, long timeMillis);

    /** Multiplies a value and its reference-O2 value alike: the correction is linear in the concentration. */
    static void scale(Reading reading, String code, double factor) {
        var v = reading.values.get(code);
        if (v == null || v.rtd == null) {
            return;
        }
        v.rtd = Rounding.forReport(v.rtd * factor);
        if (v.zsRtd != null) {
            v.zsRtd = Rounding.forReport(v.zsRtd * factor);
        }
    }

    /** Sets the flag of every value the instrument measures. */
    static void flag(Reading reading, Instrument instrument, String flag) {
        reading.values.forEach((code, v) -> {
            if (Instrument.measuring(code) == instrument) {
                v.flag = flag;
            }
        });
    }
}
