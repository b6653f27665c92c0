package org.cems.job.decode;

import java.time.ZoneId;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.Reading;
import org.cems.core.reading.Rejection;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;

/**
 * Payloads to normalised readings of known sources. What cannot be read, and readings of MNs the
 * registry does not know, go to the dead-letter side output with their reason and origin.
 */
public class DecodePayloads extends ProcessFunction<RawMessage, SourceReading> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final Registry registry;
    private final String zoneId;
    private final int maxPayloadBytes;
    private final Normalizer normalizer = new Normalizer();
    private transient PayloadDecoder decoder;
    private transient Counter readingsIn;
    private transient Counter rejected;

    public DecodePayloads(Registry registry, String zoneId, int maxPayloadBytes) {
        this.registry = registry;
        this.zoneId = zoneId;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void open(OpenContext ctx) {
        decoder = new PayloadDecoder(ZoneId.of(zoneId), maxPayloadBytes);
        readingsIn = getRuntimeContext().getMetricGroup().counter("readingsIn");
        rejected = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawMessage msg, Context ctx, Collector<SourceReading> out) {
        DecodedPayload decoded = decoder.decode(msg.payload);
        for (Reading r : decoded.readings()) {
            SourceRef ref = registry.byMn(r.mn);
            if (ref == null) {
                DeadLetter d = deadLetter("unknown_mn", "MN " + r.mn + " is not in the registry", msg);
                d.mn = r.mn;
                d.source = r.mn;
                ctx.output(DEAD_LETTERS, d);
                continue;
            }
            readingsIn.inc();
            SourceReading normalized = normalizer.normalize(r, ref);
            normalized.origin = msg.origin;
            out.collect(normalized);
        }
        for (Rejection rejection : decoded.rejections()) {
            ctx.output(DEAD_LETTERS, deadLetter(rejection.reason(), rejection.detail(), msg));
        }
    }

    private DeadLetter deadLetter(String reason, String detail, RawMessage msg) {
        rejected.inc();
        return DeadLetter.of(reason, detail, msg.origin, msg.payload, msg.receivedMillis);
    }
}
