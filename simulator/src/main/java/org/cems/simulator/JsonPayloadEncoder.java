package org.cems.simulator;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.registry.Source;

/** The contract's JSON: an object for one reading, an array for several. */
final class JsonPayloadEncoder implements PayloadEncoder {
    private final ReadingJson json;

    JsonPayloadEncoder(ZoneId zone) {
        this.json = new ReadingJson(zone);
    }

    @Override
    public byte[] encode(Source source, List<Reading> readings) {
        return json.encode(readings).getBytes(StandardCharsets.UTF_8);
    }
}
