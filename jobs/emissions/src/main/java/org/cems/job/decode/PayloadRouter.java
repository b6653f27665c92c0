package org.cems.job.decode;

import java.io.Serializable;
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
import org.cems.core.reading.StationUploads;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;

/**
 * Where the readings of a decoded message go: readings of known MNs, normalised, downstream;
 * station uploads of known MNs to their own outputs; readings and station uploads of unknown MNs
 * and every rejection to the dead letters, with the message's origin.
 */
final class PayloadRouter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Registry registry;
    private final Normalizer normalizer = new Normalizer();

    PayloadRouter(Registry registry) {
        this.registry = registry;
    }

    /** @return how many readings went downstream */
    int route(DecodedPayload decoded, RawMessage msg, Collector<SourceReading> out, Consumer<DeadLetter> deadLetters) {
        int routed = 0;
        for (Reading r : decoded.readings()) {
            SourceRef ref = registry.byMn(r.mn);
            if (ref == null) {
                DeadLetter d = DeadLetter.of(DeadLetterReason.UNKNOWN_MN, "MN " + r.mn + " is not in the registry", msg.origin,
                        msg.payload, msg.receivedMillis);
                d.mn = r.mn;
                d.source = r.mn;
                deadLetters.accept(d);
                continue;
            }
            SourceReading normalized = normalizer.normalize(r, ref);
            normalized.origin = msg.origin;
            out.collect(normalized);
            routed++;
        }
        for (Rejection rejection : decoded.rejections()) {
            deadLetters.accept(DeadLetter.of(rejection.reason(), rejection.detail(), msg.origin, msg.payload, msg.receivedMillis));
        }
        return routed;
    }

    /** Station uploads (facility status, run time, restarts, site information) of known MNs to their outputs. */
    void routeStation(StationUploads station, RawMessage msg, Consumer<FacilityStatus> statuses, Consumer<StationEvent> events,
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
            DeadLetter d = DeadLetter.of(DeadLetterReason.UNKNOWN_MN, "MN " + mn + " is not in the registry", msg.origin, msg.payload, msg.receivedMillis);
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
}
