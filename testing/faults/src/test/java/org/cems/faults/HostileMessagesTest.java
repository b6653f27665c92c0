package org.cems.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.Reading;
import org.junit.jupiter.api.Test;

/**
 * The suite's hostile messages decode to exactly the reasons they are listed with, and none of
 * them to a reading of a registered MN: a fast check of the expectations the cluster run relies on.
 */
class HostileMessagesTest {
    private static final Set<String> REGISTERED = Set.of(Replay.STACK_MN, Replay.VENT_MN);

    @Test
    void eachHostileMessageGetsItsListedReasonsAndNoReading() {
        PayloadDecoder decoder = new PayloadDecoder(Replay.ZONE, 1 << 20);
        for (int i = 0; i < 23 * 8 + 1; i++) {
            check(decoder, HostileMessages.message(i));
        }
        check(decoder, HostileMessages.message(999));
    }

    private static void check(PayloadDecoder decoder, HostileMessages.Hostile h) {
        DecodedPayload decoded = decoder.decode(h.payload());
        List<String> reasons = new ArrayList<>();
        for (Reading r : decoded.readings()) {
            assertThat(REGISTERED).as(h.id() + " must not yield a reading").doesNotContain(r.mn);
            reasons.add("unknown_mn");
        }
        decoded.rejections().stream().map(r -> r.reason().wireName()).forEach(reasons::add);
        assertThat(reasons).as(h.id()).containsExactlyInAnyOrderElementsOf(h.reasons());
    }
}
