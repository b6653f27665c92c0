package org.cems.job.alert;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.Registry;
import org.cems.job.types.JobTypes;

/**
 * The alerts judged on every reading of one monitoring point (keyed by MN): no data
 * ({@link NoDataAlerts}), instrument state ({@link InstrumentAlerts}) and clock skew
 * ({@link ClockSkewAlerts}). They share one operator so that each reading's flags cross the
 * network once, not once per rule, and their small values one state value ({@link PointProgress}),
 * read and written once per reading. Input 1 is the reading flags;
 * input 2 the readings refused as {@code future_time}, samples of the point's clock that only the
 * clock-skew rule reads. The timers are the no-data rule's.
 */
public class ReadingAlerts extends KeyedCoProcessFunction<String, SourceReading, SourceReading, AlertEvent> {
    private final NoDataAlerts noData;
    private final InstrumentAlerts instrument;
    private final ClockSkewAlerts clock;
    private transient ValueState<PointProgress> progressState;
    private transient PointProgressMigration progressMigration;

    public ReadingAlerts(Registry registry, AlertSettings settings) {
        this.noData = new NoDataAlerts(registry, settings);
        this.instrument = new InstrumentAlerts(registry, settings);
        this.clock = new ClockSkewAlerts(registry, settings);
    }

    /** Reading flags and the clock samples of the readings refused as {@code future_time}, both keyed by MN. */
    public static DataStream<AlertEvent> wire(AlertInputs in) {
        DataStream<SourceReading> futureTimes = in.refusedReadings()
                .filter(ClockSkewAlerts::isFutureTime)
                .name("future-times")
                .uid("future-times")
                .map(ClockSkewAlerts::fromFutureTime)
                .returns(JobTypes.SOURCE_READING)
                .name("future-time-samples")
                .uid("future-time-samples");
        return in.readingFlags()
                .keyBy(r -> r.mn)
                .connect(futureTimes.keyBy(r -> r.mn))
                .process(new ReadingAlerts(in.registry(), in.settings()))
                .name("reading-alerts")
                .uid("reading-alerts");
    }

    @Override
    public void open(OpenContext ctx) {
        noData.open(getRuntimeContext());
        instrument.open(getRuntimeContext());
        progressState = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "progress", SerializerTypeInfo.of(PointProgress.class, PointProgressSerializer.INSTANCE)));
        progressMigration = new PointProgressMigration(getRuntimeContext());
    }

    @Override
    public void processElement1(SourceReading flags, Context ctx, Collector<AlertEvent> out) throws Exception {
        PointProgress p = progress();
        long newestBeforeMs = p.newestMs;
        p.newestMs = Math.max(newestBeforeMs, flags.timeMillis);
        noData.onReading(flags, newestBeforeMs, p, ctx.timerService(), out);
        instrument.onReading(flags, newestBeforeMs, p, out);
        clock.onClockSample(flags, ctx.timerService().currentProcessingTime(), p, out);
        progressState.update(p);
    }

    @Override
    public void processElement2(SourceReading clockSample, Context ctx, Collector<AlertEvent> out) throws Exception {
        PointProgress p = progress();
        clock.onClockSample(clockSample, ctx.timerService().currentProcessingTime(), p, out);
        progressState.update(p);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        PointProgress p = progress();
        noData.onTimer(timestamp, p, ctx.timerService(), out);
        progressState.update(p);
    }

    private PointProgress progress() throws Exception {
        PointProgress p = progressState.value();
        return p != null ? p : progressMigration.load(noData, instrument);
    }
}
