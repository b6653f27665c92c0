package org.cems.job.io;

import java.util.Locale;
import org.cems.connector.influxdb.InfluxDbApi;
import org.cems.connector.influxdb.InfluxDbOptions;
import org.cems.connector.influxdb.InfluxDbSink;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;

/** The InfluxDB sink as the job's config describes it; refused points go to the dead-letter topic. */
public final class InfluxSinks {
    private InfluxSinks() {}

    public static InfluxDbSink create(JobConfig.Influx c, JobConfig.Kafka kafka) {
        return InfluxDbSink.builder()
                .setOptions(options(c).build())
                .setRejectedPointHandler(new KafkaRejectedPoints(kafka))
                .build();
    }

    /** The sink's options, for the sink and for whatever checks its target the way the sink reaches it. */
    public static InfluxDbOptions.Builder options(JobConfig.Influx c) {
        InfluxDbOptions.Builder options = InfluxDbOptions.builder()
                .url(c.url)
                .api(InfluxDbApi.valueOf(c.api.toUpperCase(Locale.ROOT)))
                .batchMaxPoints(c.batchPoints)
                .batchLinger(Durations.parse(c.flushInterval));
        if (c.database != null) {
            options.database(c.database);
        }
        if (c.retentionPolicy != null) {
            options.retentionPolicy(c.retentionPolicy);
        }
        if (c.org != null) {
            options.org(c.org);
        }
        if (c.bucket != null) {
            options.bucket(c.bucket);
        }
        if (c.username != null) {
            options.username(c.username);
        }
        if (c.passwordEnv != null) {
            options.passwordEnv(c.passwordEnv);
        }
        if (c.tokenEnv != null) {
            options.tokenEnv(c.tokenEnv);
        }
        return options;
    }
}
