package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.simulator.PlantModel;
import org.cems.simulator.Simulator;
import org.cems.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's plants, half over MQTT and half over Kafka, in JSON and HJ 212: every value the
 * simulator sent is a {@code reading} point, and every source has minute emissions.
 */
class SimulatedPlantsITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void everySimulatedValueArrives() throws Exception {
        Path registryFile = Path.of(System.getProperty("user.dir"))
                .resolve("../../docker/config/registry.yaml")
                .normalize();
        Registry registry = RegistryLoader.load(registryFile);
        long start = Instant.parse("2026-11-26T02:00:00Z").toEpochMilli();
        int readingsPerPoint = 36; // six minutes at 10 s
        {
            JobConfig c = SERVERS.config("/registry-test.yaml");
            c.registry = registryFile.toString();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            EmissionsJob.build(env, c);
            JobClient job = env.executeAsync("simulated-plants");
            try {
                SERVERS.mosquitto.awaitSubscriptions(2, Duration.ofSeconds(60));
                try (Simulator sim = new Simulator(SimulatorOptions.parse(new String[] {
                    "--registry",
                    registryFile.toString(),
                    "--mqtt",
                    SERVERS.mosquitto.uri(),
                    "--kafka",
                    SERVERS.kafka.bootstrapServers(),
                    "--split",
                    "--format",
                    "mixed",
                    "--speed",
                    "max",
                    "--count",
                    String.valueOf(readingsPerPoint),
                    "--start",
                    Instant.ofEpochMilli(start).toString()
                }))) {
                    sim.run();
                }
                long expectedValues = 0;
                PlantModel model = new PlantModel(registry, 2023);
                for (int i = 0; i < readingsPerPoint; i++) {
                    for (Reading r : model.readingsAt(start + i * 10_000L)) {
                        expectedValues += r.values.size();
                    }
                }
                long expected = expectedValues;
                long seen = SERVERS.await(() -> {
                    long n = countValues();
                    return n == expected ? n : null;
                });
                assertThat(seen).isEqualTo(expected);
                // emissions have their own sink, so they may land a flush after the readings
                SERVERS.awaitAsserted(() -> assertThat(SERVERS.rows(
                                "SELECT count(pollutant_count) FROM emission WHERE \"window\" = '1m' GROUP BY source"))
                        .hasSize(registry.allSources().size()));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** Every reported value: each reading point says how many it carries. */
    private static long countValues() {
        List<Map<String, JsonNode>> rows = SERVERS.rows("SELECT sum(value_count) FROM reading");
        return rows.isEmpty() ? 0 : rows.get(0).get("sum").asLong();
    }
}
