package org.cems.cli.bench;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.job.config.JobConfig;
import org.cems.testkit.FreePorts;

/**
 * Phase "SQL windows job": {@link SqlJob} over the preloaded topic, alone (minute windows only)
 * or with readings (also every reading as the job's {@code reading} point: the same output as the
 * job's, so the like-with-like comparison), into InfluxDB or a discarding sink.
 */
final class SqlPhase {
    /** How fast it read the preload, and its restarts meanwhile. */
    record Result(Throughput throughput, Restarts restarts) {
        static final Result NOT_RUN = new Result(Throughput.NOT_RUN, Restarts.UNKNOWN);
    }

    private SqlPhase() {}

    static Result run(
            Rig rig, Preload.Loaded data, SinkKind sink, boolean withReadings, String database, Duration cap) {
        String name = withReadings ? "SQL job + readings" : "SQL job";
        String group = "bench-sql-" + (withReadings ? "readings-" : "") + data.sources() + "-" + sink.label();
        try {
            JobConfig config = rig.jobConfig(data.registryFile(), data.topic(), group, database);
            int port = FreePorts.next();
            // the full job's settings, state backend included: equal work
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(Rig.flinkConfiguration(config, port));
            env.setParallelism(Rig.PARALLELISM);
            env.enableCheckpointing(Rig.CHECKPOINT_MS);
            SqlJob.build(env, config, data.topic(), group, withReadings, Rig.pointSinks(sink, config));
            rig.say(name + ": minute TUMBLE window TVF over the same topic, the same decoder, sink " + sink.label()
                    + ", state " + rig.options.stateBackendShown()
                    + (withReadings ? "; every reading also as the job's reading point (ReadingPoints)" : ""));
            long submitted = System.nanoTime();
            try (RunningJob job =
                    new RunningJob(rig, env.executeAsync("cems-bench-" + group), port, submitted, "Source")) {
                Throughput t = job.awaitRead(name, data.messages(), cap);
                Restarts r = job.restarts();
                rig.say(name + ": restarts " + r.show());
                return new Result(t, r);
            }
        } catch (Exception e) {
            rig.say(name + " failed: " + e);
            e.printStackTrace();
            return new Result(Throughput.failed(e), Restarts.UNKNOWN);
        }
    }
}
