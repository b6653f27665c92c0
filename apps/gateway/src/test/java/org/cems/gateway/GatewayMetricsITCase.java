package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's {@code /metrics}: after a good frame, a frame with the wrong password and one with a
 * bad CRC from one logger, on a real Kafka, the Prometheus text holds each series with its count.
 */
class GatewayMetricsITCase {
    private static final Path DASHBOARD = Path.of("../../grafana/dashboards/pipeline-health.json");
    private static final String MN = "TESTMN000000000000000001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsCountConnectionsFramesByCnRejectsByReasonAndAckLatency() throws Exception {
        GatewayArgs.Parsed parsed = GatewayArgs.parse(new String[] {
            "--listen",
            "127.0.0.1:0",
            "--kafka",
            SharedKafka.get().bootstrapServers(),
            "--topic",
            SharedKafka.newTopic("metrics-readings", 1),
            "--deadletter-topic",
            SharedKafka.newTopic("metrics-deadletter", 1),
            "--metrics-port",
            "0"
        });
        parsed.builder().passwords(Map.of(MN, "s3cret"));
        try (Hj212Gateway gateway = parsed.builder().start();
                TestLogger logger = new TestLogger(gateway.localAddress())) {
            URI metrics = URI.create(
                    "http://127.0.0.1:" + gateway.metricsAddress().orElseThrow().getPort() + "/metrics");
            logger.send(
                    TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(1), "s3cret", true, TestFrames.BASE_TIME)));
            logger.send(
                    TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(2), "wrong", true, TestFrames.BASE_TIME)));
            assertThat(logger.awaitAnswers(2, Duration.ofSeconds(20)))
                    .extracting(Hj212Packet::cn)
                    .containsExactlyInAnyOrder("9014", "9011");
            logger.send(TestFrames.withBadCrc(
                    TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(3), "s3cret", true, TestFrames.BASE_TIME))));

            String text = await(metrics, t -> t.contains("cems_gateway_rejects_total{reason=\"bad_crc\"} 1"));
            assertThat(text)
                    .contains(
                            "# TYPE cems_gateway_connections_open gauge\ncems_gateway_connections_open 1\n",
                            "cems_gateway_connections_total 1\n",
                            "cems_gateway_inputs_total 3\n",
                            // the wrong password decodes too: two 2011 frames
                            "# TYPE cems_gateway_frames_total counter\ncems_gateway_frames_total{cn=\"2011\"} 2\n",
                            "cems_gateway_rejects_total{reason=\"bad_password\"} 1\n",
                            "cems_gateway_published_total 1\n",
                            "# TYPE cems_gateway_kafka_ack_seconds histogram\n",
                            "cems_gateway_kafka_ack_seconds_bucket{le=\"30.0\"} 1\n",
                            "cems_gateway_kafka_ack_seconds_bucket{le=\"+Inf\"} 1\n",
                            "cems_gateway_kafka_ack_seconds_count 1\n");
            assertThat(text).doesNotContain("s3cret", "wrong");
            // the pipeline-health dashboard queries only series the gateway exports
            Matcher queried = Pattern.compile("\\bcems_gateway_[a-z_]+").matcher(Files.readString(DASHBOARD));
            while (queried.find()) {
                assertThat(text).as("the dashboard queries " + queried.group()).contains("\n" + queried.group());
            }
            HttpResponse<String> other = HTTP.send(
                    HttpRequest.newBuilder(metrics.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void labelValuesFromTheNetworkAreBounded() {
        LabelledCounts counts = new LabelledCounts();
        for (int i = 0; i < LabelledCounts.MAX_VALUES + 50; i++) {
            counts.increment(String.format("%04d", i));
        }
        assertThat(counts.snapshot()).hasSize(LabelledCounts.MAX_VALUES + 1).containsEntry(LabelledCounts.OTHER, 50L);
    }

    @Test
    void histogramBucketsAreCumulative() {
        LatencyHistogram h = new LatencyHistogram();
        h.observeNanos(2_000_000); // 2 ms: in le=0.0025 and above
        h.observeNanos(40_000_000); // 40 ms: in le=0.05 and above
        h.observeNanos(60_000_000_000L); // 60 s: only in +Inf
        long[] c = h.cumulativeCounts();
        assertThat(c[0]).isZero(); // le=0.001
        assertThat(c[1]).isEqualTo(1); // le=0.0025
        assertThat(c[5]).isEqualTo(2); // le=0.05
        assertThat(c[LatencyHistogram.BOUNDS_SECONDS.length - 1]).isEqualTo(2); // le=30
        assertThat(c[c.length - 1]).isEqualTo(3);
        assertThat(h.sumSeconds()).isEqualTo(60.042);
    }

    private static String await(URI metrics, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            text = r.body();
            if (done.test(text)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not in /metrics within 20 s:\n" + text);
    }
}
