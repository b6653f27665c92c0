package org.cems.job.endpoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cems.job.config.JobConfig;

/**
 * What the job needs outside itself, checked before its graph is submitted: a configuration problem
 * (a missing topic or database, refused credentials, a wrong address) stops the start once, with a
 * line that says what to do, instead of failing tasks that the restart strategy would restart forever.
 */
public final class Endpoints {
    /** Long enough for a broker across a WAN, short enough for an operator waiting at a prompt. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Endpoints() {}

    /** Every endpoint of the config, as {@code cems check} reports them; creates nothing. */
    public static List<Check> check(JobConfig config) {
        List<Check> checks = new ArrayList<>(new KafkaEndpoint(config, TIMEOUT).check(false));
        if (config.mqtt.enabled || config.alerts.mqttEnabled) {
            checks.addAll(new MqttEndpoint(config.mqtt, TIMEOUT).check());
        }
        checks.add(new InfluxEndpoint(config.influxdb, TIMEOUT).check(false));
        return checks;
    }

    /**
     * Before the job starts: the Kafka topics and the InfluxDB target exist, or are created where
     * {@code create_missing} allows.
     *
     * @return what was found or created, one line each
     * @throws EndpointsNotReadyException naming what is missing and how to create it
     */
    public static List<Check> prepare(JobConfig config) {
        List<Check> checks = new ArrayList<>(new KafkaEndpoint(config, TIMEOUT).check(config.createMissing));
        checks.add(new InfluxEndpoint(config.influxdb, TIMEOUT).check(config.createMissing));
        List<Check> failed = checks.stream().filter(c -> !c.ok()).toList();
        if (!failed.isEmpty()) {
            throw new EndpointsNotReadyException(failed);
        }
        return checks;
    }
}
