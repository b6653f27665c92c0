package org.cems.job.decode;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.SplitPart;
import org.cems.core.registry.Registry;

/**
 * Joins the parts of split HJ 212 uploads that arrived in separate messages, keyed by MN, on CN
 * + DataTime (not QN: each part has its own). A retransmitted part replaces the earlier copy; an
 * upload not complete within {@code timeoutMs} of its first part is a dead letter
 * ({@code incomplete_split}) holding the parts that came.
 */
public class SplitUploads extends KeyedProcessFunction<String, SplitPart, SourceReading> {
    private final String zoneId;
    private final long timeoutMs;
    private final PayloadRouter router;
    private transient PayloadDecoder decoder;
    private transient MapState<String, List<SplitPart>> partsByUpload;
    private transient Counter deadLetters;

    public SplitUploads(Registry registry, String zoneId, long timeoutMs, ReadingChecks checks) {
        this.router = new PayloadRouter(registry, checks);
        this.zoneId = zoneId;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void open(OpenContext ctx) {
        decoder = new PayloadDecoder(ZoneId.of(zoneId), Integer.MAX_VALUE);
        partsByUpload = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "partsByUpload",
                        TypeInformation.of(String.class),
                        TypeInformation.of(new TypeHint<List<SplitPart>>() {})));
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(SplitPart part, Context ctx, Collector<SourceReading> out) throws Exception {
        List<SplitPart> parts = partsByUpload.get(part.groupKey);
        if (parts == null) {
            parts = new ArrayList<>();
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + timeoutMs);
        }
        parts.removeIf(p -> p.pno == part.pno);
        parts.add(part);
        if (parts.size() < part.pnum) {
            partsByUpload.put(part.groupKey, parts);
            return;
        }
        partsByUpload.remove(part.groupKey);
        parts.sort((a, b) -> Integer.compare(a.pno, b.pno));
        DecodedPayload decoded = decoder.assembleSplit(parts);
        RawMessage msg = joined(parts, ctx.timerService().currentProcessingTime());
        Consumer<DeadLetter> dead = d -> {
            deadLetters.inc();
            ctx.output(DecodePayloads.DEAD_LETTERS, d);
        };
        router.route(decoded, msg, out, dead);
        router.routeStation(
                decoded.station(),
                msg,
                s -> ctx.output(DecodePayloads.FACILITY, s),
                e -> ctx.output(DecodePayloads.STATION_EVENTS, e),
                dead);
        router.routeMeasurements(decoded.station(), msg, m -> ctx.output(DecodePayloads.MEASUREMENTS, m), dead);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SourceReading> out) throws Exception {
        List<String> expired = new ArrayList<>();
        for (var e : partsByUpload.entries()) {
            List<SplitPart> parts = e.getValue();
            if (!parts.isEmpty() && timestamp >= firstArrival(parts) + timeoutMs) {
                expired.add(e.getKey());
                RawMessage msg = joined(parts, timestamp);
                deadLetters.inc();
                ctx.output(
                        DecodePayloads.DEAD_LETTERS,
                        DeadLetter.of(
                                DeadLetterReason.INCOMPLETE_SPLIT,
                                parts.size() + " of " + parts.get(0).pnum + " parts of a split upload came within "
                                        + timeoutMs + " ms",
                                msg.origin,
                                msg.payload,
                                timestamp));
            }
        }
        for (String key : expired) {
            partsByUpload.remove(key);
        }
    }

    private static long firstArrival(List<SplitPart> parts) {
        return parts.stream().mapToLong(p -> p.receivedMillis).min().orElse(Long.MAX_VALUE);
    }

    /** The parts as one message: their frames one after another, with the first part's origin. */
    private static RawMessage joined(List<SplitPart> parts, long nowMillis) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (SplitPart p : parts) {
            frames.writeBytes(p.frame);
        }
        return new RawMessage(parts.get(0).origin, frames.toByteArray(), nowMillis);
    }
}
