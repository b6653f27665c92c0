package org.cems.job.decode;

import java.time.ZoneId;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cems.core.keys.Sm4KeySource;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.SplitPart;
import org.cems.core.reading.StationEvent;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;

/**
 * Payloads to normalised readings of known sources. What cannot be read, and readings of MNs the
 * registry does not know, go to the dead-letter side output with their reason and origin; parts
 * of split HJ 212 uploads go to their own side output, to be joined by {@link SplitUploads};
 * facility status and the other station uploads go to {@link #FACILITY} and {@link #STATION_EVENTS}.
 */
public class DecodePayloads extends ProcessFunction<RawMessage, SourceReading> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
    public static final OutputTag<SplitPart> SPLIT_PARTS = new OutputTag<>("split-parts") {};
    /** Facility running status from station uploads (CN 2021), keyed downstream by MN like readings. */
    public static final OutputTag<FacilityStatus> FACILITY = new OutputTag<>("facility") {};
    /** Facility run times (CN 2041), logger restarts (2081) and site information (3020) from station uploads. */
    public static final OutputTag<StationEvent> STATION_EVENTS = new OutputTag<>("station-events") {};
    /** HJ 212-2025 electricity (ST=44), production conditions (ST=45), VOCs raw data (2013) and furnace temperatures (2111). */
    public static final OutputTag<StationMeasurement> MEASUREMENTS = new OutputTag<>("station-measurements") {};

    private final String zoneId;
    private final int maxPayloadBytes;
    private final Sm4KeySource sm4Keys;
    private final PayloadRouter router;
    private transient PayloadDecoder decoder;
    private transient Counter readingsIn;
    private transient Counter deadLetters;

    public DecodePayloads(Registry registry, String zoneId, int maxPayloadBytes, ReadingChecks checks) {
        this(registry, zoneId, maxPayloadBytes, checks, Sm4KeySource.none());
    }

    /** {@code sm4Keys}: where the SM4 keys of 2025 loggers sending encrypted frames over MQTT or Kafka are. */
    public DecodePayloads(
            Registry registry, String zoneId, int maxPayloadBytes, ReadingChecks checks, Sm4KeySource sm4Keys) {
        this.router = new PayloadRouter(registry, checks);
        this.zoneId = zoneId;
        this.maxPayloadBytes = maxPayloadBytes;
        this.sm4Keys = sm4Keys;
    }

    @Override
    public void open(OpenContext ctx) {
        // the keys are read here, on the task manager: they never travel in the job graph
        decoder = new PayloadDecoder(ZoneId.of(zoneId), maxPayloadBytes, sm4Keys.load());
        readingsIn = getRuntimeContext().getMetricGroup().counter("readingsIn");
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawMessage msg, Context ctx, Collector<SourceReading> out) {
        DecodedPayload decoded = decoder.decode(msg.payload);
        Consumer<DeadLetter> dead = d -> {
            deadLetters.inc();
            ctx.output(DEAD_LETTERS, d);
        };
        readingsIn.inc(router.route(decoded, msg, out, dead));
        router.routeStation(
                decoded.station(), msg, s -> ctx.output(FACILITY, s), e -> ctx.output(STATION_EVENTS, e), dead);
        router.routeMeasurements(decoded.station(), msg, m -> ctx.output(MEASUREMENTS, m), dead);
        for (SplitPart part : decoded.splitParts()) {
            part.origin = msg.origin;
            part.receivedMillis = msg.receivedMillis;
            ctx.output(SPLIT_PARTS, part);
        }
    }
}
