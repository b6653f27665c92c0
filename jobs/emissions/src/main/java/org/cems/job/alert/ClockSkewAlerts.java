package org.cems.job.alert;

import java.io.Serializable;
import org.apache.flink.util.Collector;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.job.decode.DeadLetter;

/**
 * Clock-skew alerts of one monitoring point, a rule of {@link ReadingAlerts} (keyed by MN): its
 * data logger's clock is wrong when its DataTimes are off their arrival (processing) time. A
 * DataTime may be behind by the period its CN covers (a minute record of up to 30 minutes,
 * HJ 212-2017 CN 1063) plus the tolerance, and ahead by the tolerance; hour and day records
 * (CN 2061/2031), sent whenever the logger likes, only count when ahead. The alert fires when every
 * reading of the point for {@code sustain} was off (so a burst of backfilled data between live
 * readings says nothing), and resolves when every reading for {@code sustain} was on time. Readings
 * the job refused as {@code future_time} count too: they are what a clock far ahead produces. Start
 * and end are arrival times, the ones that can be trusted here.
 */
public class ClockSkewAlerts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long MINUTE_MS = 60_000L;
    /** The longest minute-data interval (HJ 212-2017 CN 1063/1064: MinInterval up to 30 minutes). */
    private static final long MAX_MINUTE_RECORD_MS = 30 * MINUTE_MS;

    private final AlertSettings settings;
    private final AlertMessages messages;

    public ClockSkewAlerts(Registry registry, AlertSettings settings) {
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
    }

    /** A reading refused for a DataTime ahead of its arrival, as the sample of the point's clock it is. */
    public static SourceReading fromFutureTime(DeadLetter d) {
        SourceReading r = new SourceReading();
        r.enterprise = d.enterprise;
        r.source = d.source;
        r.mn = d.mn;
        r.timeMillis = d.dataTimeMillis;
        return r;
    }

    public static boolean isFutureTime(DeadLetter d) {
        return "future_time".equals(d.reason) && d.mn != null && d.dataTimeMillis != null;
    }

    /**
     * {@code r}: a reading's flags, or a sample of the point's clock ({@link #fromFutureTime});
     * {@code now}: its arrival; {@code p}: the point's progress, whose clock-skew values this updates.
     */
    void onClockSample(SourceReading r, long now, PointProgress p, Collector<AlertEvent> out) {
        long aheadMs = r.timeMillis - now;
        boolean firing = p.clockFiringSinceMs != PointProgress.LONG_AGO;
        boolean agrees = firing ? !onTime(r, aheadMs) : onTime(r, aheadMs);
        if (agrees) {
            p.clockChangingSinceMs = PointProgress.LONG_AGO;
            return;
        }
        if (p.clockChangingSinceMs == PointProgress.LONG_AGO) {
            p.clockChangingSinceMs = now;
        }
        long since = p.clockChangingSinceMs;
        if (now - since < settings.clockSkewSustainMs()) {
            return;
        }
        p.clockChangingSinceMs = PointProgress.LONG_AGO;
        AlertEvent a;
        if (firing) {
            a = event(AlertEvent.RESOLVED, p.clockFiringSinceMs, since, r);
            p.clockFiringSinceMs = PointProgress.LONG_AGO;
        } else {
            p.clockFiringSinceMs = since;
            a = event(AlertEvent.FIRING, since, now, r);
        }
        a.value = aheadMs / (double) MINUTE_MS;
        a.message = messages.clockSkew(a, settings.clockSkewSustainMs() / MINUTE_MS);
        out.collect(a);
    }

    private boolean onTime(SourceReading r, long aheadMs) {
        long tolerance = settings.clockSkewToleranceMs();
        if (aheadMs > tolerance) {
            return false;
        }
        if (Reading.CN_REALTIME.equals(r.cn)) {
            return -aheadMs <= tolerance;
        }
        if (Reading.CN_MINUTE.equals(r.cn)) {
            return -aheadMs <= tolerance + MAX_MINUTE_RECORD_MS;
        }
        return true;
    }

    private AlertEvent event(String state, long startMillis, long timeMillis, SourceReading r) {
        AlertEvent a =
                AlertEvents.of(AlertType.CLOCK_SKEW, state, r.enterprise + "/" + r.source, startMillis, timeMillis);
        a.enterprise = r.enterprise;
        a.source = r.source;
        a.mn = r.mn;
        a.threshold = settings.clockSkewToleranceMs() / (double) MINUTE_MS;
        a.unit = "min";
        return a;
    }
}
