package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.reading.ReadingJson;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A replay of the same input gives identical InfluxDB contents: two runs of the job read the same
 * Kafka topic (from the start, as a restarted job with a new consumer group does) into two
 * databases, which end up equal point for point. {@code quality} counts arrivals, not data, so it
 * is not compared.
 */
class ReplayITCase {
    private static final List<String> MEASUREMENTS = List.of("reading", "emission", "emission_total", "kpi");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void replayingTheSameInputGivesIdenticalContents() throws Exception {
        ReadingJson json = new ReadingJson(ScriptedDayITCase.ZONE);
        List<Map.Entry<String, String>> input = new ArrayList<>();
        for (int m = 0; m < 150; m++) {
            input.add(Map.entry(ScriptedDayITCase.STACK, json.encode(List.of(ScriptedDayITCase.stack(m)))));
            input.add(Map.entry(ScriptedDayITCase.VENT, json.encode(List.of(ScriptedDayITCase.vent(m)))));
            if (m % 40 == 0) {
                input.add(
                        Map.entry(ScriptedDayITCase.VENT, json.encode(List.of(ScriptedDayITCase.vent(m))))); // a repeat
            }
        }
        SERVERS.publishToKafka(input);
        SERVERS.influx.createDatabase("replay");

        JobClient first = start("first", PipelineServers.DB);
        JobClient second = start("second", "replay");
        try {
            // both jobs write at their own pace and can be equal at a midway point: wait until the first
            // has written nothing new for longer than the idle timeout that closes the last windows
            AtomicReference<List<List<Map<String, JsonNode>>>> previous = new AtomicReference<>();
            AtomicLong changedAt = new AtomicLong(System.nanoTime());
            SERVERS.await(() -> {
                List<List<Map<String, JsonNode>>> a = snapshot(PipelineServers.DB);
                List<List<Map<String, JsonNode>>> b = snapshot("replay");
                if (!a.equals(previous.getAndSet(a))) {
                    changedAt.set(System.nanoTime());
                }
                boolean settled = System.nanoTime() - changedAt.get()
                        > Duration.ofSeconds(4).toNanos();
                boolean hoursDone = a.get(1).stream()
                                .filter(r -> r.get("window").asText().equals("1h"))
                                .count()
                        >= 4;
                return hoursDone && settled && a.equals(b) ? a : null;
            });
            List<List<Map<String, JsonNode>>> a = snapshot(PipelineServers.DB);
            assertThat(snapshot("replay")).isEqualTo(a);
            assertThat(a.get(0)).hasSize(150 * 2); // one point per reading, the repeats once
        } finally {
            first.cancel().get();
            second.cancel().get();
        }
    }

    private JobClient start(String group, String database) throws Exception {
        JobConfig c = SERVERS.config("/registry-day.yaml");
        c.mqtt.enabled = false;
        c.kafka.groupId = group;
        c.influxdb.database = database;
        c.idleTimeout = "2s";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, c);
        return env.executeAsync("replay-" + group);
    }

    private static List<List<Map<String, JsonNode>>> snapshot(String database) {
        List<List<Map<String, JsonNode>>> all = new ArrayList<>();
        for (String m : MEASUREMENTS) {
            List<Map<String, JsonNode>> rows =
                    new ArrayList<>(InfluxQuery.rows(SERVERS.influx, database, "SELECT * FROM " + m + " GROUP BY *"));
            rows.sort(Comparator.comparing(Object::toString));
            all.add(rows);
        }
        return all;
    }
}
