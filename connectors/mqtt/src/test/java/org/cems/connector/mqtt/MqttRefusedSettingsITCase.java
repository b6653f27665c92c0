package org.cems.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cems.connector.mqtt.MqttTestJobs.source;
import static org.cems.connector.mqtt.MqttTestJobs.start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.testkit.MosquittoPasswordFile;
import org.cems.testkit.MosquittoServer;
import org.cems.testkit.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials the broker refuses are a configuration error: the job fails once, at its first
 * connection, although its restart strategy allows five restarts (and the reader would otherwise
 * reconnect for ever).
 */
class MqttRefusedSettingsITCase {
    private static final String USER = "plant-gateway";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    private static Path dir;
    private static MosquittoServer broker;

    @BeforeAll
    static void startBrokerForKnownUsers() {
        dir = TempDirs.create("cems-mqtt-refused-");
        Path passwords = MosquittoPasswordFile.create(dir, USER, System.getenv("CEMS_TEST_MQTT_PASSWORD"));
        broker = MosquittoServer.builder()
                .configLine("allow_anonymous false")
                .configLine("password_file " + passwords)
                .build();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void aWrongPasswordFailsTheJobOnceInsteadOfRestartingIt() throws Exception {
        MqttSource<String> refused = source(broker.uri(), "plants/refused", "refused")
                .setCredentials(USER, "CEMS_TEST_MQTT_WRONG_PASSWORD")
                .build();
        long start = System.nanoTime();
        JobClient job = start(refused, null, CollectingSink.create("refused"), 1, Duration.ofMillis(200));

        assertThatThrownBy(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(m -> assertThat(m).contains("not recoverable")))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(m -> assertThat(m)
                                .contains("refused the login of user plant-gateway (reason code 0x87")
                                .doesNotContain(System.getenv("CEMS_TEST_MQTT_WRONG_PASSWORD"))));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    private static List<String> causeMessages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
