package org.cems.job.io;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.cems.job.config.JobConfig;

/**
 * The settings every Kafka client of the job starts from (source, sinks, the refused-points producer,
 * the start-up checks and {@code cems check}): whatever reaches a broker is set here, once.
 */
public final class KafkaClients {
    private KafkaClients() {}

    public static Properties properties(JobConfig.Kafka c) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers);
        // SASL and TLS (docs/security.md): passwords as references each client resolves, never values
        p.putAll(c.security.asProperties());
        return p;
    }

    /** An admin client that gives up after {@code timeout}, for checks that must answer rather than wait. */
    public static Admin admin(JobConfig.Kafka c, Duration timeout) {
        Properties p = properties(c);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // one lookup per broker address, not a reconnect storm in the log while a check waits
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
        return Admin.create(p);
    }
}
