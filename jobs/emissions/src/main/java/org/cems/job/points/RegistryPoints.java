package org.cems.job.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;

/**
 * The registry as {@code registry_enterprise}, {@code registry_source} and {@code registry_device}
 * points, written when the job starts and again every day: InfluxQL cannot join, so the dashboards
 * join these to the data by id in Grafana (names, coordinates, capacity). Time is the wall clock,
 * so the newest point of an id carries the registry now in force.
 */
public final class RegistryPoints implements GeneratorFunction<Long, InfluxPoint> {
    private static final long serialVersionUID = 1L;
    static final Duration REWRITE_EVERY = Duration.ofDays(1);

    private final Registry registry;
    private final int count;
    /** The points of the batch being written: built once per batch (a province's registry has 100,000 sources). */
    private transient List<InfluxPoint> batch;

    RegistryPoints(Registry registry) {
        this.registry = registry;
        this.count = points(registry, 0).size();
    }

    /** A one-task source of the registry's points, now and every {@link #REWRITE_EVERY}. */
    public static DataStream<InfluxPoint> daily(StreamExecutionEnvironment env, Registry registry) {
        RegistryPoints generator = new RegistryPoints(registry);
        return env.fromSource(
                        new DataGeneratorSource<>(
                                generator,
                                Long.MAX_VALUE,
                                new Batches(generator.count, REWRITE_EVERY),
                                TypeInformation.of(InfluxPoint.class)),
                        WatermarkStrategy.noWatermarks(),
                        "registry-points")
                .uid("registry-points")
                .setParallelism(1);
    }

    /** The {@code index}-th point of the endless sequence: every run of {@link #count} indices is the whole registry. */
    @Override
    public InfluxPoint map(Long index) {
        int i = (int) (index % count);
        if (batch == null || i == 0) {
            batch = points(registry, System.currentTimeMillis());
        }
        return batch.get(i);
    }

    /** One point per enterprise, source and device, tagged with their ids, fields the names (the id where none is given). */
    static List<InfluxPoint> points(Registry registry, long timeMillis) {
        List<InfluxPoint> out = new ArrayList<>();
        for (Enterprise e : registry.enterprises) {
            InfluxPoint.Builder enterprise = InfluxPoint.measurement("registry_enterprise")
                    .tag("enterprise", e.id)
                    .tag("park", e.park)
                    .tag("industry", e.industry)
                    .field("enterprise_name", nameOr(e.name, e.id))
                    .field("sources", (long) e.sources.size())
                    .timeMillis(timeMillis);
            position(enterprise, e);
            out.add(enterprise.build());
            for (Source s : e.sources) {
                InfluxPoint.Builder source = InfluxPoint.measurement("registry_source")
                        .tag("enterprise", e.id)
                        .tag("park", e.park)
                        .tag("source", s.id)
                        .tag("role", s.role)
                        .field("enterprise_name", nameOr(e.name, e.id))
                        .field("source_name", nameOr(s.name, s.id))
                        .field("mn", s.mn)
                        .timeMillis(timeMillis);
                Fields.optional(source, "capacity_mw", s.capacityMw);
                position(source, e);
                out.add(source.build());
            }
            for (Device d : e.devices) {
                InfluxPoint.Builder device = InfluxPoint.measurement("registry_device")
                        .tag("enterprise", e.id)
                        .tag("park", e.park)
                        .tag("device", d.id)
                        .tag("device_type", d.type)
                        .tag("pollutant", d.pollutant)
                        .field("enterprise_name", nameOr(e.name, e.id))
                        .field("device_name", nameOr(d.name, d.id))
                        .field("inlet", d.inlet)
                        .field("outlet", d.outlet)
                        .timeMillis(timeMillis);
                position(device, e);
                out.add(device.build());
            }
        }
        return out;
    }

    private static void position(InfluxPoint.Builder p, Enterprise e) {
        Fields.optional(p, "lat", e.lat);
        Fields.optional(p, "lon", e.lon);
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    /** Lets a batch of {@code size} records through at once, then waits {@code period} before the next. */
    static final class Batches implements RateLimiterStrategy<NumberSequenceSplit> {
        private static final long serialVersionUID = 1L;
        private final int size;
        private final long periodMillis;

        Batches(int size, Duration period) {
            this.size = size;
            this.periodMillis = period.toMillis();
        }

        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            return new RateLimiter<>() {
                private int let;

                @Override
                public CompletionStage<Void> acquire(int permits) {
                    if (let + permits <= size) {
                        let += permits;
                        return CompletableFuture.completedFuture(null);
                    }
                    let = permits;
                    return CompletableFuture.runAsync(
                            () -> {}, CompletableFuture.delayedExecutor(periodMillis, TimeUnit.MILLISECONDS));
                }
            };
        }
    }
}
