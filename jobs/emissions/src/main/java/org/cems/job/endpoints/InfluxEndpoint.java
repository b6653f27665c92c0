package org.cems.job.endpoints;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.cems.connector.base.RetryPolicy;
import org.cems.connector.influxdb.InfluxDbConfigurationException;
import org.cems.connector.influxdb.InfluxDbOptions;
import org.cems.connector.influxdb.InfluxDbTargets;
import org.cems.connector.influxdb.InfluxDbWriteException;
import org.cems.job.config.JobConfig;
import org.cems.job.io.InfluxSinks;

/** The InfluxDB database (v1) or bucket (v2) the job writes, reached as its sink reaches it. */
final class InfluxEndpoint {
    private final JobConfig.Influx config;
    private final Duration timeout;

    InfluxEndpoint(JobConfig.Influx config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
    }

    /** Reachable, credentials accepted, target present; a missing v1 database is created when {@code create} is true. */
    Check check(boolean create) {
        String subject = "influxdb " + config.url + " " + target();
        InfluxDbOptions options;
        try {
            // one request, no retries: a check answers now, the sink is the one that waits out outages
            options = InfluxSinks.options(config)
                    .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                    .requestTimeout(timeout)
                    .build();
        } catch (IllegalArgumentException e) {
            return Check.failed(subject, e.getMessage());
        }
        try {
            InfluxDbTargets.checkWritable(options);
            return Check.ok(subject, "reachable, credentials accepted, " + target() + " present");
        } catch (InfluxDbConfigurationException e) {
            if (!e.targetMissing()) {
                return Check.failed(subject, e.getMessage());
            }
            if (create && "v1".equals(config.api)) {
                return created(subject, options);
            }
            return Check.failed(
                    subject,
                    target() + " does not exist; create it with `" + createCommand() + "`"
                            + ("v1".equals(config.api) ? " or set create_missing: true" : ""));
        } catch (InfluxDbWriteException e) {
            return Check.failed(subject, "no answer (check influxdb.url and that InfluxDB runs): " + networkProblem(e));
        } catch (IOException | RuntimeException e) {
            return Check.failed(subject, e.getMessage());
        }
    }

    private String networkProblem(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out after " + timeout.toSeconds() + " s";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            message = t.getMessage() != null ? t.getMessage() : message;
        }
        return message;
    }

    private Check created(String subject, InfluxDbOptions options) {
        try {
            InfluxDbTargets.createDatabase(options);
            InfluxDbTargets.checkWritable(options);
            return Check.ok(subject, "database " + config.database + " created (create_missing)");
        } catch (IOException | RuntimeException e) {
            return Check.failed(
                    subject,
                    "database " + config.database + " missing, and creating it failed: " + e.getMessage()
                            + "; create it with `" + createCommand() + "`");
        }
    }

    private String target() {
        return "v1".equals(config.api)
                ? "database " + config.database
                        + (config.retentionPolicy == null ? "" : " (retention policy " + config.retentionPolicy + ")")
                : "bucket " + config.bucket + " (org " + config.org + ")";
    }

    /** What an operator runs instead: curl for 1.x (no influx CLI needed), the influx CLI for a 2.x bucket. */
    String createCommand() {
        if ("v1".equals(config.api)) {
            return "curl -XPOST " + (config.username == null ? "" : "-u " + config.username + " ") + "'" + config.url
                    + "/query' --data-urlencode 'q=CREATE DATABASE \"" + config.database + "\"'";
        }
        return "influx bucket create --host " + config.url + " --org " + config.org + " --name " + config.bucket;
    }
}
