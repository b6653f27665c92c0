package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.hj212.CrcPolicy;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cems gateway}: the command line, its errors, and a run against Kafka with the stations of a registry. */
class GatewayMainITCase {
    private static final Pattern LISTENING = Pattern.compile("listening on /?([^ ]+):(\\d+)");
    private static final String MN = "TESTMN000000000000000001";
    /** What the launcher (apps/cli GatewayCommand) reads from a registry file: one MN, with a password. */
    private static final Function<Path, RegisteredStations> REGISTRY =
            file -> new RegisteredStations(Set.of(MN), Map.of(MN, "s3cret"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CountDownLatch stop, String... args) throws InterruptedException {
        return GatewayMain.run(
                args,
                REGISTRY,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                stop,
                false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMalformedSm4KeyNamesItsLineAndNotTheKey(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("sm4.keys");
        Files.writeString(keys, "MN1=0123456789ABCDEFFEDCBA9876543210\nMN2=0123456789ABCDEFFEDCBA98765432XY\n");
        assertThat(run(new CountDownLatch(1), "--listen", ":0", "--kafka", "k:9092", "--sm4-keys", keys.toString()))
                .isEqualTo(2);
        assertThat(err())
                .contains("--sm4-keys: " + keys + " line 2: the key of MN MN2 is not 32 hex digits")
                .doesNotContain("98765432XY")
                .doesNotContain("0123456789");
    }

    @Test
    void mistakesNameTheOptionAndShowTheUsage() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        assertThat(run(never, "--kafka", "k:9092")).isEqualTo(2);
        assertThat(err()).contains("--listen HOST:PORT is required").contains("usage: cems gateway");
        assertThat(run(never, "--listen", "0.0.0.0:9212")).isEqualTo(2);
        assertThat(err()).contains("--kafka BOOTSTRAP is required");
        assertThat(run(never, "--listen", "nowhere", "--kafka", "k:9092")).isEqualTo(2);
        assertThat(err()).contains("--listen: write HOST:PORT");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--idle-timeout", "5 fortnights"))
                .isEqualTo(2);
        assertThat(err()).contains("--idle-timeout: \"5 fortnights\" is not a duration like 500ms");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--crc", "modbus"))
                .isEqualTo(2);
        assertThat(err()).contains("--crc: write strict or lenient");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--max-connections", "-3"))
                .isEqualTo(2);
        assertThat(err()).contains("--max-connections: write a positive whole number");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--max-segment-bytes", "20000"))
                .isEqualTo(2);
        assertThat(err()).contains("max segment bytes must be 1..9999");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--registry", "/no/such.yaml"))
                .isEqualTo(2);
        assertThat(err()).contains("--registry: cannot read /no/such.yaml");
        assertThat(run(never, "--listen", ":9212", "--kafka", "k:9092", "--bogus", "1"))
                .isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus");
        assertThat(run(never, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--deadletter-topic NAME");
    }

    @Test
    void optionsReachTheGateway() {
        GatewayOptions o = GatewayArgs.parse(new String[] {
                    "--listen",
                    "127.0.0.1:9212",
                    "--kafka",
                    "a:1,b:2",
                    "--topic",
                    "t1",
                    "--deadletter-topic",
                    "t2",
                    "--idle-timeout",
                    "90s",
                    "--max-connections",
                    "10",
                    "--max-segment-bytes",
                    "2048",
                    "--crc",
                    "lenient"
                })
                .builder()
                .options();
        assertThat(o.listen()).isEqualTo(new InetSocketAddress("127.0.0.1", 9212));
        assertThat(o.kafkaBootstrap()).isEqualTo("a:1,b:2");
        assertThat(o.readingsTopic()).isEqualTo("t1");
        assertThat(o.deadLetterTopic()).isEqualTo("t2");
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.maxConnections()).isEqualTo(10);
        assertThat(o.maxSegmentBytes()).isEqualTo(2048);
        assertThat(o.crcPolicy()).isEqualTo(CrcPolicy.ACCEPT_MODBUS_VARIANTS);
    }

    @Test
    void anUnreachableKafkaIsAClearErrorAtStart() throws Exception {
        int closedPort = org.cems.testkit.FreePorts.next();
        assertThat(run(new CountDownLatch(1), "--listen", "127.0.0.1:0", "--kafka", "127.0.0.1:" + closedPort))
                .isEqualTo(1);
        assertThat(err()).contains("cannot reach Kafka at 127.0.0.1:" + closedPort);
    }

    @Test
    void runsWithARegistryUntilStopped(@TempDir Path dir) throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.yaml"), "read by REGISTRY\n");
        String readings = SharedKafka.newTopic("cli-readings", 1);
        String deadLetters = SharedKafka.newTopic("cli-deadletter", 1);
        CountDownLatch stop = new CountDownLatch(1);
        // its own thread: on 2 cores the common pool has one thread, which the broker may hold
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        new Thread(
                        () -> {
                            try {
                                exit.complete(run(
                                        stop,
                                        "--listen",
                                        "127.0.0.1:0",
                                        "--kafka",
                                        SharedKafka.get().bootstrapServers(),
                                        "--topic",
                                        readings,
                                        "--deadletter-topic",
                                        deadLetters,
                                        "--registry",
                                        registry.toString()));
                            } catch (Throwable e) {
                                exit.completeExceptionally(e);
                            }
                        },
                        "gateway-main")
                .start();
        InetSocketAddress address = awaitListening();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("1 MNs with a password")
                .doesNotContain("s3cret");
        try (TestLogger logger = new TestLogger(address)) {
            logger.send(
                    TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(1), "wrong", true, TestFrames.BASE_TIME)));
            logger.send(
                    TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(2), "s3cret", true, TestFrames.BASE_TIME)));
            assertThat(logger.awaitAnswers(2, Duration.ofSeconds(20)))
                    .extracting(Hj212Packet::cn)
                    .containsExactlyInAnyOrder("9011", "9014");
        }
        stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("published 1 | rejected 1");
        assertThat(SharedKafka.get().endOffset(readings)).isEqualTo(1);
    }

    private InetSocketAddress awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the gateway did not start: " + err() + out.toString(StandardCharsets.UTF_8));
    }
}
