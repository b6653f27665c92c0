package org.cems.cli;

import java.nio.file.Path;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.endpoints.EndpointsNotReadyException;

/**
 * {@code cems run --config FILE [--web-port P] [--metrics-port P]}: the job on an embedded Flink
 * cluster against real endpoints, its metrics for Prometheus on {@code /metrics} (docs/metrics.md).
 */
final class RunCommand {
    static final String USAGE = """
            usage: cems run --config FILE [--web-port 8081] [--metrics-port 9249]
              the job on an embedded Flink cluster against the Kafka, MQTT and InfluxDB the config names
              --config FILE        the job's configuration (docs/configuration.md)
              --web-port P         Flink web UI and REST (default 8081)
              --metrics-port P     Prometheus metrics on http://HOST:P/metrics (default 9249; 0: none)
              --help               this text
            """;
    static final int DEFAULT_WEB_PORT = 8081;
    static final int DEFAULT_METRICS_PORT = 9249;
    /** Flink's Prometheus reporter (flink-metrics-prometheus), named "prom" as in Flink's docs. */
    static final ConfigOption<String> PROMETHEUS_FACTORY = ConfigOptions.key("metrics.reporter.prom.factory.class")
            .stringType()
            .noDefaultValue();

    static final ConfigOption<String> PROMETHEUS_PORT =
            ConfigOptions.key("metrics.reporter.prom.port").stringType().noDefaultValue();

    /** What the command line asked for. */
    record Options(JobConfig config, int webPort, int metricsPort) {}

    private RunCommand() {}

    static int run(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cems run: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        try {
            // before the job graph is submitted: a missing topic or database stops here once, not in a restart loop
            Endpoints.prepare(options.config()).forEach(check -> System.out.println("cems run: " + check.line()));
        } catch (EndpointsNotReadyException e) {
            e.getMessage().lines().forEach(line -> System.err.println("cems run: " + line));
            return 1;
        }
        StreamExecutionEnvironment env = environment(options);
        EmissionsJob.build(env, options.config());
        System.out.println("cems run: job starting; Flink web UI on http://localhost:" + options.webPort()
                + (options.metricsPort() > 0
                        ? "; Prometheus metrics on http://localhost:" + options.metricsPort() + "/metrics"
                        : ""));
        env.execute(EmissionsJob.JOB_NAME);
        return 0;
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    static Options parse(String[] args) {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("config")) {
            throw new IllegalArgumentException("--config FILE is required");
        }
        JobConfig config = JobConfigLoader.load(Path.of(params.get("config")));
        return new Options(
                config, port(params, "web-port", DEFAULT_WEB_PORT), port(params, "metrics-port", DEFAULT_METRICS_PORT));
    }

    /** The embedded cluster: the job's own Flink settings, the web UI and the Prometheus reporter. */
    static StreamExecutionEnvironment environment(Options options) {
        Configuration conf = EmissionsJob.flinkConfiguration(options.config());
        conf.set(RestOptions.PORT, options.webPort());
        if (options.metricsPort() > 0) {
            conf.set(PROMETHEUS_FACTORY, "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            conf.set(PROMETHEUS_PORT, Integer.toString(options.metricsPort()));
        }
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }

    private static int port(ParameterTool params, String key, int fallback) {
        String text = params.get(key, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key + ": a port 0-65535, not \"" + text + "\"");
    }
}
