package org.cems.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.cems.testkit.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real session cluster (a JobManager and two TaskManagers as separate JVMs,
 * started by {@code bin/cems cluster}) through faults and hostile input. Each case replays the
 * same readings over Kafka and MQTT, injects its fault mid-run, and checks that InfluxDB ends up
 * with the independently computed hourly masses exactly. The TaskManager kill runs last, as it
 * leaves the cluster one TaskManager short.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteITCase {
    /** Event-time minutes of the replay are published this far apart: about 15 s for the whole replay. */
    private static final long PACE_MS = 60;

    private static final int FAULT_MINUTE = 100;

    @TempDir
    static Path tmp;

    private static EmbeddedKafka kafka;
    private static SessionCluster cluster;
    private static String jarId;
    private static final Recoveries RECOVERIES = new Recoveries();

    @BeforeAll
    static void startCluster() throws Exception {
        kafka = EmbeddedKafka.start();
        cluster = SessionCluster.start(Path.of(System.getProperty("cems.root")), tmp.resolve("cluster"));
        jarId = cluster.rest().uploadJar(Path.of(System.getProperty("cems.jobJar")));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            RECOVERIES.write(Path.of("target", "fault-recoveries.txt"));
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void hostileInputIsDeadLetteredAndCountedWithoutARestart() throws Exception {
        try (CaseRun run = new CaseRun("hostile", kafka, cluster, jarId)) {
            ReplayPublisher replay = run.replay(PACE_MS);
            HostileSender hostile = new HostileSender(run);
            hostile.sendAll();
            replay.awaitDone();
            run.awaitExact();
            hostile.awaitDeadLettersAndQuality();
            // the history first: when it is not empty its failure message names why the job restarted
            assertThat(run.exceptionHistory())
                    .as("failures the JobManager recorded")
                    .isEmpty();
            assertThat(run.restarts()).as("restarts").isZero();
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void influxDbDownForAMinuteLosesNoPoint() throws Exception {
        try (CaseRun run = new CaseRun("influx", kafka, cluster, jarId)) {
            ReplayPublisher replay = run.replay(PACE_MS);
            replay.awaitMinute(FAULT_MINUTE);
            long injected = System.nanoTime();
            run.influx.stop();
            // the job goes on reading while the sink holds and retries what it cannot write
            int resumeAt = FAULT_MINUTE + 60;
            replay.holdBefore(resumeAt);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, injected + TimeUnit.SECONDS.toNanos(60) - System.nanoTime()));
            run.influx.startProcess();
            long ended = System.nanoTime();
            replay.resume();
            long running = run.fullyRunning()
                    ? System.nanoTime()
                    : CaseRun.await(
                            "the job running",
                            Duration.ofSeconds(120),
                            () -> run.fullyRunning() ? System.nanoTime() : null);
            long flowing = run.awaitFlowingAt(resumeAt);
            replay.awaitDone();
            run.awaitExact();
            RECOVERIES.add("(2) InfluxDB down 60 s", injected, ended, running, flowing, run.restarts());
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void mosquittoRestartLosesNothingItAcceptedAtQos1() throws Exception {
        try (CaseRun run = new CaseRun("mosquitto", kafka, cluster, jarId)) {
            ReplayPublisher replay = run.replay(PACE_MS);
            // nothing is published while the broker is away: it does not restore shared
            // subscriptions, so it drops what arrives before the job's readers resubscribe
            replay.holdBefore(FAULT_MINUTE);
            run.gateways.closeMqtt();
            long injected = System.nanoTime();
            run.mosquitto.restart();
            long ended = System.nanoTime();
            run.mosquitto.awaitSubscriptions(2, Duration.ofSeconds(120));
            long running = System.nanoTime();
            replay.resume();
            long flowing = run.awaitFlowingAt(FAULT_MINUTE);
            replay.awaitDone();
            run.awaitExact();
            RECOVERIES.add("(3) Mosquitto restarted", injected, ended, running, flowing, run.restarts());
            // messages the broker had delivered but the job not yet acked come again after the restart
            System.out.println("mosquitto: " + run.deadLetters("duplicate")
                    + " redelivered readings counted once (dead letter duplicate)");
        }
    }

    @Test
    @Order(4)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void kafkaBrokerRestartLosesNothing() throws Exception {
        try (CaseRun run = new CaseRun("kafka", kafka, cluster, jarId)) {
            ReplayPublisher replay = run.replay(PACE_MS);
            replay.awaitMinute(FAULT_MINUTE);
            long injected = System.nanoTime();
            // the gateways' producer holds and retries its sends while the broker is away
            kafka.restart();
            long ended = System.nanoTime();
            int firstKafkaMinuteAfter = replay.published() | 1;
            long running = CaseRun.await(
                    "the job running", Duration.ofSeconds(120), () -> run.fullyRunning() ? System.nanoTime() : null);
            long flowing = run.awaitFlowingAt(firstKafkaMinuteAfter);
            replay.awaitDone();
            run.awaitExact();
            RECOVERIES.add("(4) Kafka broker restarted", injected, ended, running, flowing, run.restarts());
        }
    }

    @Test
    @Order(5)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void taskManagerKilledTheJobRecoversOnTheOther() throws Exception {
        try (CaseRun run = new CaseRun("tmkill", kafka, cluster, jarId)) {
            ReplayPublisher replay = run.replay(PACE_MS);
            replay.awaitMinute(FAULT_MINUTE);
            long injected = System.nanoTime();
            cluster.killTaskManager("tm2");
            int after = replay.published();
            long running = CaseRun.await(
                    "the job running again on tm1",
                    Duration.ofSeconds(150),
                    () -> run.restarts() > 0 && run.fullyRunning() ? System.nanoTime() : null);
            long flowing = run.awaitFlowingAt(after);
            replay.awaitDone();
            run.awaitExact();
            RECOVERIES.add("(1) kill -9 of a TaskManager", injected, injected, running, flowing, run.restarts());
        }
        assertThat(Files.exists(cluster.dir().resolve("checkpoints").resolve("tmkill")))
                .as("checkpoints on the configured storage")
                .isTrue();
    }
}
