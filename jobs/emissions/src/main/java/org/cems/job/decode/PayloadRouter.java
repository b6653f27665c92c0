package org.cems.job.decode;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.util.Collector;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.Reading;
import org.cems.core.reading.Rejection;
import org.cems.core.reading.StationEvent;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.reading.StationUploads;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCatalogue;

/**
 * Where the readings of a decoded message go: readings of known MNs, normalised, downstream;
 * station uploads of known MNs to their own outputs; readings and station uploads of unknown MNs,
 * readings with no parameter the job knows, readings stamped ahead of their arrival, and every
 * rejection (of a payload, a reading or one value) to the dead letters, with the message's origin
 * and, where known, the source.
 */
final class PayloadRouter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Registry registry;
    private final ReadingChecks checks;
    private final Normalizer normalizer;

    PayloadRouter(Registry registry, ReadingChecks checks) {
        this.registry = registry;
        this.checks = checks;
        this.normalizer = new Normalizer(ParameterCatalogue.standard(), checks.overRangeIsValid());
    }

    /** @return how many readings went downstream */
    int route(DecodedPayload decoded, RawMessage msg, Collector<SourceReading> out, Consumer<DeadLetter> deadLetters) {
        int routed = 0;
        for (Reading r : decoded.readings()) {
            SourceRef ref = registry.byMn(r.mn);
            if (ref == null) {
                DeadLetter d = DeadLetter.of(
                        DeadLetterReason.UNKNOWN_MN,
                        "MN " + r.mn + " is not in the registry",
                        msg.origin,
                        msg.payload,
                        msg.receivedMillis);
                d.mn = r.mn;
                d.source = r.mn;
                deadLetters.accept(d);
                continue;
            }
            Rejection refused = refusal(r, msg);
            if (refused != null) {
                deadLetters.accept(ofSource(
                        DeadLetter.of(refused.reason(), refused.detail(), msg.origin, msg.payload, msg.receivedMillis),
                        ref,
                        r));
                continue;
            }
            SourceReading normalized = normalizer.normalize(
                    r,
                    ref,
                    problem -> deadLetters.accept(ofSource(
                            DeadLetter.of(
                                    problem.reason(), problem.detail(), msg.origin, msg.payload, msg.receivedMillis),
                            ref,
                            r)));
            normalized.origin = msg.origin;
            out.collect(normalized);
            routed++;
        }
        for (Rejection rejection : decoded.rejections()) {
            DeadLetter d =
                    DeadLetter.of(rejection.reason(), rejection.detail(), msg.origin, msg.payload, msg.receivedMillis);
            SourceRef ref = rejection.mn() == null ? null : registry.byMn(rejection.mn());
            if (ref != null) {
                d.enterprise = ref.enterprise().id;
                d.source = ref.source().id;
                d.mn = rejection.mn();
            }
            deadLetters.accept(d);
        }
        return routed;
    }

    /** Station uploads (facility status, run time, restarts, site information) of known MNs to their outputs. */
    void routeStation(
            StationUploads station,
            RawMessage msg,
            Consumer<FacilityStatus> statuses,
            Consumer<StationEvent> events,
            Consumer<DeadLetter> deadLetters) {
        Set<String> unknown = new LinkedHashSet<>();
        for (FacilityStatus s : station.statuses()) {
            if (known(s.mn, unknown)) {
                statuses.accept(s);
            }
        }
        for (StationEvent e : station.events()) {
            if (known(e.mn, unknown)) {
                events.accept(e);
            }
        }
        for (String mn : unknown) {
            DeadLetter d = DeadLetter.of(
                    DeadLetterReason.UNKNOWN_MN,
                    "MN " + mn + " is not in the registry",
                    msg.origin,
                    msg.payload,
                    msg.receivedMillis);
            d.mn = mn;
            d.source = mn;
            deadLetters.accept(d);
        }
    }

    /** HJ 212-2025 electricity, production conditions, VOCs raw data and furnace temperatures of known MNs to their output. */
    void routeMeasurements(
            StationUploads station,
            RawMessage msg,
            Consumer<StationMeasurement> measurements,
            Consumer<DeadLetter> deadLetters) {
        Set<String> unknown = new LinkedHashSet<>();
        for (StationMeasurement m : station.measurements()) {
            if (known(m.mn, unknown)) {
                measurements.accept(m);
            }
        }
        for (String mn : unknown) {
            DeadLetter d = DeadLetter.of(
                    DeadLetterReason.UNKNOWN_MN,
                    "MN " + mn + " is not in the registry",
                    msg.origin,
                    msg.payload,
                    msg.receivedMillis);
            d.mn = mn;
            d.source = mn;
            deadLetters.accept(d);
        }
    }

    private boolean known(String mn, Set<String> unknown) {
        if (registry.byMn(mn) != null) {
            return true;
        }
        unknown.add(mn);
        return false;
    }

    /**
     * Why the reading is not one, or null: stamped ahead of its arrival (a logger clock
     * that is wrong would otherwise close its source's windows on data that cannot exist yet), or
     * with no parameter the job knows (it would move its source's clock with nothing to compute).
     */
    private Rejection refusal(Reading r, RawMessage msg) {
        long aheadMs = r.timeMillis - msg.receivedMillis;
        if (aheadMs > checks.maxAheadMs()) {
            return new Rejection(
                    DeadLetterReason.FUTURE_TIME,
                    "DataTime " + Instant.ofEpochMilli(r.timeMillis) + " is " + aheadMs / 60_000
                            + " min ahead of its arrival at " + Instant.ofEpochMilli(msg.receivedMillis)
                            + " (clock.max_ahead "
                            + checks.maxAheadMs() / 60_000 + " min): check the data logger's clock");
        }
        if (r.values.keySet().stream().noneMatch(ParameterCatalogue.standard()::isComputedFrom)) {
            return new Rejection(
                    DeadLetterReason.NO_KNOWN_PARAMETER,
                    "none of the codes " + r.values.keySet() + " is a parameter the job knows");
        }
        return null;
    }

    private static DeadLetter ofSource(DeadLetter d, SourceRef ref, Reading r) {
        d.enterprise = ref.enterprise().id;
        d.source = ref.source().id;
        d.mn = r.mn;
        d.dataTimeMillis = r.timeMillis;
        return d;
    }
}
