package org.cems.simulator;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cems.core.keys.Sm4KeyFile;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;

/**
 * The gateways of every point in a registry, sending real-time readings every interval of event
 * time: first the backfill as fast as the brokers take it (several readings per payload), then
 * live, paced so that event time runs {@code speed} times faster than wall time.
 *
 * <p>With {@code --split}, points alternate between MQTT (even positions in the registry) and
 * Kafka (odd); with {@code --format mixed}, pairs of points alternate between JSON and HJ 212, so
 * that with both every combination of transport and format occurs.
 *
 * <p>Transports connect in the constructor, so a wrong address fails at once.
 */
public final class Simulator implements AutoCloseable {
    /** A backfill payload carries the uploads of up to this many ticks of one point (5 minutes at 10 s). */
    static final int READINGS_PER_BACKFILL_PAYLOAD = 30;

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final SimulatorOptions options;
    private final PlantModel model;
    private final Registry registry;
    private Scenarios scenarios = Scenarios.none();
    private final List<PayloadSink> sinks = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final SendCounters counters = new SendCounters();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean ran = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread runner;

    public Simulator(SimulatorOptions options) {
        this(options, RegistryLoader.load(options.registry()));
    }

    public Simulator(SimulatorOptions options, Registry registry) {
        this.options = options;
        this.model = new PlantModel(registry, options.seed());
        this.registry = registry;
        try {
            connect();
        } catch (RuntimeException e) {
            sinks.forEach(PayloadSink::close);
            throw e;
        }
    }

    private void connect() {
        PayloadSink evenPoints;
        PayloadSink oddPoints;
        if (options.stdout()) {
            evenPoints = oddPoints = connected(new StdoutSink(System.out));
        } else if (options.split()) {
            evenPoints = connected(new MqttSink(
                    options.mqttUri().orElseThrow(), options.mqttTopic(), options.mqttQos(), options.security()));
            oddPoints = connected(new KafkaSink(
                    options.kafkaBootstrapServers().orElseThrow(),
                    options.kafkaTopic(),
                    options.security().kafka()));
        } else if (options.mqttUri().isPresent()) {
            evenPoints = oddPoints = connected(
                    new MqttSink(options.mqttUri().get(), options.mqttTopic(), options.mqttQos(), options.security()));
        } else {
            evenPoints = oddPoints = connected(new KafkaSink(
                    options.kafkaBootstrapServers().orElseThrow(),
                    options.kafkaTopic(),
                    options.security().kafka()));
        }
        PayloadEncoder json = new JsonPayloadEncoder(model.zone());
        PayloadEncoder hj212 = new Hj212PayloadEncoder(
                model.zone(),
                options.edition(),
                options.sm4Keys().map(Sm4KeyFile::read).orElse(Map.of()));
        List<MonitoringPoint> points = model.points();
        for (int i = 0; i < points.size(); i++) {
            PayloadSink sink = i % 2 == 0 ? evenPoints : oddPoints;
            PayloadEncoder encoder = switch (options.format()) {
                case JSON -> json;
                case HJ212 -> hj212;
                case MIXED -> (i / 2) % 2 == 0 ? json : hj212;
            };
            routes.add(new Route(points.get(i), encoder, sink));
        }
    }

    private PayloadSink connected(PayloadSink sink) {
        sinks.add(sink);
        return sink;
    }

    /** Sends until the count or duration is reached, or {@link #stop()} is called; then flushes. */
    public void run() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("a simulator runs once; create a new one");
        }
        runner = Thread.currentThread();
        try {
            long wallStartNanos = System.nanoTime();
            long intervalMillis = options.interval().toMillis();
            long startMillis = options.start().map(Instant::toEpochMilli).orElseGet(System::currentTimeMillis);
            long liveStartMillis = Math.floorDiv(startMillis, intervalMillis) * intervalMillis;
            scenarios = Scenarios.place(
                    options.scenarios(), options.scenarioSource(), model, registry, liveStartMillis, intervalMillis);
            long backfillTicks = options.backfill().toMillis() / intervalMillis;
            long ticksLeft = options.countPerPoint().orElse(Long.MAX_VALUE);
            Deadline deadline = new Deadline(
                    wallStartNanos, options.duration().map(d -> d.toNanos()).orElse(null));

            long backfilled = backfill(
                    liveStartMillis - backfillTicks * intervalMillis, Math.min(backfillTicks, ticksLeft), deadline);
            live(liveStartMillis, ticksLeft - backfilled, deadline);
        } finally {
            sinks.forEach(PayloadSink::flush);
        }
    }

    /** Runs {@link #run()} on a background thread. */
    public void start() {
        Thread t = new Thread(this::run, "cems-simulator");
        t.setDaemon(true);
        runner = t;
        t.start();
    }

    /** Asks the run to end and waits until it has flushed what it sent. */
    public void stop() {
        stopRequested.countDown();
        Thread t = runner;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    public PlantModel model() {
        return model;
    }

    /** One line per transport: where it sends and how many points use it. */
    public void describeRoutes(PrintStream out) {
        for (PayloadSink sink : sinks) {
            long points = routes.stream().filter(r -> r.sink() == sink).count();
            String where = sink instanceof MqttSink
                    ? "MQTT " + options.mqttUri().orElseThrow() + " topic " + options.mqttTopic()
                    : sink instanceof KafkaSink
                            ? "Kafka " + options.kafkaBootstrapServers().orElseThrow() + " topic "
                                    + options.kafkaTopic()
                            : "standard output";
            out.println("  " + points + " points -> " + where);
        }
    }

    /** Stops, then disconnects the transports. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        sinks.forEach(PayloadSink::close);
    }

    /** Sends {@code ticks} intervals from {@code firstMillis}, several readings per payload; returns how many it sent. */
    private long backfill(long firstMillis, long ticks, Deadline deadline) {
        long intervalMillis = options.interval().toMillis();
        long done = 0;
        while (done < ticks && !stopping(deadline)) {
            int batch = (int) Math.min(READINGS_PER_BACKFILL_PAYLOAD, ticks - done);
            long lastTickMillis = firstMillis + (done + batch - 1) * intervalMillis;
            for (Route route : routes) {
                List<Upload> uploads = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    uploads.addAll(scenarios.uploadsAt(route.point(), firstMillis + (done + i) * intervalMillis));
                }
                if (!uploads.isEmpty()) {
                    route.send(uploads, lastTickMillis, counters);
                }
            }
            done += batch;
        }
        return done;
    }

    private void live(long liveStartMillis, long ticks, Deadline deadline) {
        long intervalMillis = options.interval().toMillis();
        long wallLiveStartNanos = System.nanoTime();
        for (long k = 0; k < ticks; k++) {
            long eventOffsetMillis = k * intervalMillis;
            long dueNanos =
                    wallLiveStartNanos + (long) (TimeUnit.MILLISECONDS.toNanos(eventOffsetMillis) / options.speed());
            if (!waitUntil(dueNanos, deadline)) {
                return;
            }
            long tickMillis = liveStartMillis + eventOffsetMillis;
            for (Route route : routes) {
                List<Upload> uploads = scenarios.uploadsAt(route.point(), tickMillis);
                if (!uploads.isEmpty()) {
                    route.send(uploads, tickMillis, counters);
                }
            }
        }
    }

    /** Waits until {@code dueNanos}; false when stopped or past the deadline first. */
    private boolean waitUntil(long dueNanos, Deadline deadline) {
        long waitNanos = Math.min(dueNanos - System.nanoTime(), deadline.remainingNanos());
        try {
            if (waitNanos > 0 && stopRequested.await(waitNanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping(deadline);
    }

    private boolean stopping(Deadline deadline) {
        return stopRequested.getCount() == 0 || deadline.remainingNanos() <= 0;
    }

    /** The wall-clock end of the run, if it has one. */
    private record Deadline(long startNanos, Long lengthNanos) {
        long remainingNanos() {
            return lengthNanos == null ? Long.MAX_VALUE : lengthNanos - (System.nanoTime() - startNanos);
        }
    }
}
