package org.cems.job.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.junit.jupiter.api.Test;

class RegistryPointsTest {
    static final String REGISTRY = """
            city: Ordos
            enterprises:
              - id: dlt-power
                name: 达拉特电厂
                park: dalate
                industry: thermal_power
                lat: 40.38
                lon: 110.05
                sources:
                  - {id: u1-stack, name: 1号机组烟囱, mn: "MN1", kind: coal_boiler, capacity_mw: 600}
                  - {id: u1-scr-in, mn: "MN2", kind: coal_boiler, role: inlet}
                devices:
                  - {id: u1-scr, type: scr, pollutant: a21002, inlet: u1-scr-in, outlet: u1-stack}
              - id: no-position
                park: dalu
                industry: coking
                sources:
                  - {id: s, mn: "MN3", kind: coke_oven}
            """;
    static final Registry R =
            RegistryLoader.parse(new ByteArrayInputStream(REGISTRY.getBytes(StandardCharsets.UTF_8)), "test.yaml");

    @Test
    void oneRowPerEnterpriseSourceAndDeviceWithNamesOrIds() {
        List<InfluxPoint> points = RegistryPoints.points(R, 1_000L);
        assertThat(points)
                .extracting(InfluxPoint::measurement)
                .containsExactly(
                        "registry_enterprise",
                        "registry_source",
                        "registry_source",
                        "registry_device",
                        "registry_enterprise",
                        "registry_source");
        assertThat(points).allSatisfy(p -> assertThat(p.timeMillis()).isEqualTo(1_000L));

        InfluxPoint plant = points.get(0);
        assertThat(plant.tags())
                .isEqualTo(Map.of("enterprise", "dlt-power", "park", "dalate", "industry", "thermal_power"));
        assertThat(plant.fields())
                .isEqualTo(Map.of("enterprise_name", "达拉特电厂", "sources", 2L, "lat", 40.38, "lon", 110.05));

        InfluxPoint stack = points.get(1);
        assertThat(stack.tags())
                .isEqualTo(Map.of("enterprise", "dlt-power", "park", "dalate", "source", "u1-stack", "role", "stack"));
        assertThat(stack.fields())
                .isEqualTo(Map.of(
                        "enterprise_name",
                        "达拉特电厂",
                        "source_name",
                        "1号机组烟囱",
                        "mn",
                        "MN1",
                        "capacity_mw",
                        600.0,
                        "lat",
                        40.38,
                        "lon",
                        110.05));
        // no name: the id stands in, so a table never shows an empty cell
        assertThat(points.get(2).fields())
                .containsEntry("source_name", "u1-scr-in")
                .doesNotContainKey("capacity_mw");

        InfluxPoint scr = points.get(3);
        assertThat(scr.tags())
                .isEqualTo(Map.of(
                        "enterprise",
                        "dlt-power",
                        "park",
                        "dalate",
                        "device",
                        "u1-scr",
                        "device_type",
                        "scr",
                        "pollutant",
                        "a21002"));
        assertThat(scr.fields())
                .containsEntry("device_name", "u1-scr")
                .containsEntry("inlet", "u1-scr-in")
                .containsEntry("outlet", "u1-stack");

        assertThat(points.get(4).fields()).isEqualTo(Map.of("enterprise_name", "no-position", "sources", 1L));
    }

    /** The generator's index runs on for ever: each run of as many indices as points is the whole registry. */
    @Test
    void everyBatchOfIndicesIsTheWholeRegistry() throws Exception {
        RegistryPoints generator = new RegistryPoints(R);
        List<String> first = new java.util.ArrayList<>();
        List<String> later = new java.util.ArrayList<>();
        for (long i = 0; i < 6; i++) {
            first.add(generator.map(i).tags().toString());
            later.add(generator.map(6 * 1000 + i).tags().toString());
        }
        assertThat(later).isEqualTo(first).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void batchesGoThroughAtOnceThenWaitThePeriod() throws Exception {
        RateLimiter<NumberSequenceSplit> limiter =
                new RegistryPoints.Batches(3, Duration.ofMillis(300)).createRateLimiter(1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire().toCompletableFuture()).isDone();
        }
        long start = System.nanoTime();
        CompletableFuture<Void> next = limiter.acquire().toCompletableFuture();
        assertThat(next).isNotDone();
        next.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        // the record that waited opened the new batch: two more go through at once
        assertThat(limiter.acquire().toCompletableFuture()).isDone();
        assertThat(limiter.acquire().toCompletableFuture()).isDone();
        assertThat(limiter.acquire().toCompletableFuture()).isNotDone();
    }
}
