package org.cems.cli;

import java.nio.file.Path;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.endpoints.EndpointsNotReadyException;

/** {@code cems run --config FILE [--web-port P]}: the job on an embedded Flink cluster against real endpoints. */
final class RunCommand {
    private RunCommand() {}

    static int run(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("config")) {
            System.err.println("usage: cems run --config FILE [--web-port 8081]");
            return 2;
        }
        JobConfig config;
        try {
            config = JobConfigLoader.load(Path.of(params.get("config")));
        } catch (IllegalArgumentException e) {
            System.err.println("cems run: " + e.getMessage());
            return 2;
        }
        try {
            // before the job graph is submitted: a missing topic or database stops here once, not in a restart loop
            Endpoints.prepare(config).forEach(check -> System.out.println("cems run: " + check.line()));
        } catch (EndpointsNotReadyException e) {
            e.getMessage().lines().forEach(line -> System.err.println("cems run: " + line));
            return 1;
        }
        Configuration conf = EmissionsJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, params.getInt("web-port", 8081));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        EmissionsJob.build(env, config);
        System.out.println("cems run: job starting; Flink web UI on http://localhost:" + conf.get(RestOptions.PORT));
        env.execute(EmissionsJob.JOB_NAME);
        return 0;
    }
}
