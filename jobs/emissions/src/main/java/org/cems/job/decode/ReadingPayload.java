package org.cems.job.decode;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;

/**
 * A reading turned away after decoding (late, duplicate) as the contract's JSON, with the values
 * as the gateway reported them, so its dead letter can be read and replayed.
 */
public final class ReadingPayload {
    private static final ReadingJson JSON = new ReadingJson(ZoneOffset.UTC);

    private ReadingPayload() {}

    public static byte[] of(SourceReading r) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        boolean realtime = Reading.CN_REALTIME.equals(r.cn);
        for (Map.Entry<String, Measure> e : r.reported.entrySet()) {
            Measure m = e.getValue();
            ReadingValue v = new ReadingValue();
            if (realtime) {
                v.rtd = m.value;
                v.zsRtd = m.refMgM3;
            } else {
                v.avg = m.value;
                v.zsAvg = m.refMgM3;
            }
            v.flag = m.flag;
            values.put(e.getKey(), v);
        }
        return JSON.encode(List.of(new Reading(r.mn, r.cn, r.timeMillis, values)))
                .getBytes(StandardCharsets.UTF_8);
    }
}
