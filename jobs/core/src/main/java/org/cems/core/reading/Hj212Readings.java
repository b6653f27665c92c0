package org.cems.core.reading;

import java.time.ZoneId;
import java.util.List;

/** HJ 212 payloads to readings (filled in with the HJ 212 codec). */
final class Hj212Readings {
    private final ZoneId zone;

    Hj212Readings(ZoneId zone) {
        this.zone = zone;
    }

    DecodedPayload decode(byte[] payload) {
        return new DecodedPayload(List.of(), List.of(new Rejection("hj212_unsupported", "HJ 212 decoding arrives with the codec; zone " + zone)));
    }
}
