package org.cems.gateway;

import java.util.Locale;
import java.util.Map;

/**
 * The gateway's counters in the Prometheus text exposition format 0.0.4 (docs/metrics.md lists
 * every series). Written by hand: twenty series need no client library in the gateway image.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PREFIX = "cems_gateway_";

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {}

    static String of(GatewayCounters c) {
        PrometheusText t = new PrometheusText();
        t.gauge("connections_open", "Data-logger connections open now", c.connectionsOpen.get());
        t.counter("connections_total", "Connections accepted", c.connectionsAccepted.get());
        t.counter(
                "connections_refused_total",
                "Connections closed on accept because max-connections were open",
                c.connectionsRefused.get());
        t.counter("connections_idle_closed_total", "Connections closed by the idle timeout", c.connectionsIdled.get());
        t.counter("inputs_total", "Frames and runs of unframeable bytes read", c.framesIn.get());
        t.labelled("frames_total", "Frames that decoded, by CN", "cn", c.framesByCn.snapshot());
        t.labelled(
                "rejects_total",
                "Inputs sent to the dead-letter topic, by reason",
                "reason",
                c.rejectsByReason.snapshot());
        t.counter("published_total", "Station uploads Kafka acknowledged on the readings topic", c.published.get());
        t.counter(
                "publish_failures_total",
                "Station uploads Kafka did not take (the logger sends them again)",
                c.publishFailures.get());
        t.counter("not_readings_total", "Good frames not stored: replies, notifies, commands", c.notReadings.get());
        t.counter("replies_total", "Answers written to data loggers", c.repliesSent.get());
        t.counter(
                "modbus_crc_accepted_total",
                "Frames with a MODBUS-variant CRC taken under the lenient CRC policy",
                c.modbusCrcAccepted.get());
        t.counter("decrypted_total", "HJ 212-2025 frames whose SM4 data area was decrypted", c.decrypted.get());
        t.counter("heartbeats_total", "HJ 212-2025 heartbeats Kafka acknowledged", c.heartbeats.get());
        t.counter("registrations_total", "CN 1001 registrations from MNs not in the registry", c.registrations.get());
        t.gauge(
                "pending_registration_mns",
                "Distinct unregistered MNs that sent a registration",
                c.pendingRegistrationMns.get());
        t.counter("key_changes_total", "SM4 keys changed by CN 1014", c.keyChanges.get());
        t.counter("key_changes_refused_total", "CN 1014 frames whose new key was refused", c.keyChangesRefused.get());
        t.histogram(
                "kafka_ack_seconds",
                "From a station upload handed to the producer to Kafka's acknowledgement",
                c.kafkaAck);
        return t.out.toString();
    }

    private void header(String name, String help, String type) {
        out.append("# HELP ")
                .append(PREFIX)
                .append(name)
                .append(' ')
                .append(help)
                .append('\n');
        out.append("# TYPE ")
                .append(PREFIX)
                .append(name)
                .append(' ')
                .append(type)
                .append('\n');
    }

    private void counter(String name, String help, long value) {
        header(name, help, "counter");
        sample(name, "", value);
    }

    private void gauge(String name, String help, long value) {
        header(name, help, "gauge");
        sample(name, "", value);
    }

    private void labelled(String name, String help, String label, Map<String, Long> counts) {
        header(name, help, "counter");
        counts.forEach((value, count) -> sample(name, "{" + label + "=\"" + escape(value) + "\"}", count));
    }

    private void histogram(String name, String help, LatencyHistogram h) {
        header(name, help, "histogram");
        long[] cumulative = h.cumulativeCounts();
        for (int i = 0; i < LatencyHistogram.BOUNDS_SECONDS.length; i++) {
            sample(name + "_bucket", "{le=\"" + number(LatencyHistogram.BOUNDS_SECONDS[i]) + "\"}", cumulative[i]);
        }
        long count = cumulative[cumulative.length - 1];
        sample(name + "_bucket", "{le=\"+Inf\"}", count);
        out.append(PREFIX)
                .append(name)
                .append("_sum ")
                .append(number(h.sumSeconds()))
                .append('\n');
        sample(name + "_count", "", count);
    }

    private void sample(String name, String labels, long value) {
        out.append(PREFIX).append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }

    /** Label values as the format asks: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
