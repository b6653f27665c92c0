package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.testkit.VictoriaMetricsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v2 write path ({@code /api/v2/write?org=&bucket=&precision=}, token auth) against a real
 * server that speaks it here: VictoriaMetrics from Debian (InfluxDB 2 has no Debian package). It
 * keeps numeric fields only, as series {@code measurement_field}, and ignores org and bucket.
 */
class InfluxDbSinkV2ITCase {
    private static final long BASE_TIME = 1_767_225_600_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static VictoriaMetricsServer victoria;

    @BeforeAll
    static void startServer() {
        victoria = VictoriaMetricsServer.start();
    }

    @AfterAll
    static void stopServer() {
        victoria.close();
    }

    @Test
    void writesThroughTheV2ApiWithExactValues() throws Exception {
        int count = 1000;
        List<InfluxPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(InfluxPoint.measurement("emission")
                    .tag("source", "s " + (i % 4))
                    .tag("pollutant", "a21026")
                    .field("conc_mg_m3", i * 0.125)
                    .field("valid_count", (long) i)
                    .timeMillis(BASE_TIME + i * 1000L)
                    .build());
        }
        InfluxDbOptions options = InfluxDbOptions.builder()
                .url(victoria.url())
                .api(InfluxDbApi.V2)
                .org("cems")
                .bucket("emissions")
                .tokenEnv("CEMS_TEST_INFLUX_SECRET")
                .gzip(true)
                .batchMaxPoints(300)
                .batchLinger(Duration.ofMillis(100))
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(points, TypeInformation.of(InfluxPoint.class))
                .sinkTo(InfluxDbSink.builder().setOptions(options).build());
        env.execute("v2 write");
        TreeMap<Long, Double> stored = storedConcentrations();
        for (int wait = 0; stored.size() < count && wait < 100; wait++) {
            // VictoriaMetrics makes new samples searchable after a short in-memory buffering
            Thread.sleep(100);
            stored = storedConcentrations();
        }
        assertThat(stored).hasSize(count);
        stored.forEach((time, value) -> assertThat(value).isEqualTo((time - BASE_TIME) / 1000 * 0.125));
        assertThat(victoria.export("{__name__=\"emission_valid_count\",source=\"s 3\"}"))
                .contains("\"values\":[3,7,11");
    }

    private static TreeMap<Long, Double> storedConcentrations() {
        victoria.flush();
        TreeMap<Long, Double> stored = new TreeMap<>();
        for (String line : victoria.export("{__name__=\"emission_conc_mg_m3\"}").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode series = InfluxQl.parse(line);
            assertThat(series.path("metric").path("pollutant").asText()).isEqualTo("a21026");
            for (int i = 0; i < series.path("timestamps").size(); i++) {
                stored.put(
                        series.path("timestamps").get(i).asLong(),
                        series.path("values").get(i).asDouble());
            }
        }
        return stored;
    }
}
