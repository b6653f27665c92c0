package org.cems.job.alert;

import java.io.Serializable;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
    /** Arrival of the first reading of the current run that disagrees with the alert's state. */
    private transient ValueState<Long> changingSince;

    private transient ValueState<Long> firingSince;

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

    void open(RuntimeContext rc) {
        changingSince = rc.getState(new ValueStateDescriptor<>("clockChangingSince", Long.class));
        firingSince = rc.getState(new ValueStateDescriptor<>("clockFiringSince", Long.class));
    }

    /** {@code r}: a reading's flags, or a sample of the point's clock ({@link #fromFutureTime}); {@code now}: its arrival. */
    void onClockSample(SourceReading r, long now, Collector<AlertEvent> out) throws Exception {
        long aheadMs = r.timeMillis - now;
        Long firing = firingSince.value();
        boolean agrees = firing == null ? onTime(r, aheadMs) : !onTime(r, aheadMs);
        if (agrees) {
            changingSince.clear();
            return;
        }
        Long since = changingSince.value();
        if (since == null) {
            changingSince.update(now);
            since = now;
        }
        if (now - since < settings.clockSkewSustainMs()) {
            return;
        }
        changingSince.clear();
        AlertEvent a;
        if (firing == null) {
            firingSince.update(since);
            a = event(AlertEvent.FIRING, since, now, r);
        } else {
            firingSince.clear();
            a = event(AlertEvent.RESOLVED, firing, since, r);
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
