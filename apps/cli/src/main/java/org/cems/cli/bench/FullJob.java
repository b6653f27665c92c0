package org.cems.cli.bench;

import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.testkit.FreePorts;

/**
 * Phase "full job": the EmissionsJob as {@code cems run} wires it (its own Flink configuration,
 * checkpoints to files, the run's state backend), on an embedded cluster with a REST port of its own, into InfluxDB or a
 * discarding sink.
 */
final class FullJob {
    private FullJob() {}

    /** Submits the job reading {@code topic} from the start; the caller closes (cancels) it. */
    static RunningJob start(Rig rig, String label, Path registryFile, String topic, SinkKind sink, String database)
            throws Exception {
        String group = "bench-job-" + label;
        JobConfig config = rig.jobConfig(registryFile, topic, group, database);
        int port = FreePorts.next();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(Rig.flinkConfiguration(config, port));
        EmissionsJob.build(env, config, Rig.pointSinks(sink, config));
        rig.say("starting EmissionsJob (parallelism " + Rig.PARALLELISM + ", checkpoints every " + Rig.CHECKPOINT_MS
                + " ms, state " + rig.options.stateBackendShown() + ") on an embedded cluster, sink " + sink.label());
        long submitted = System.nanoTime();
        // the Kafka source as EmissionsJob names it; the registry's points come from a second, bounded source
        return new RunningJob(
                rig,
                env.executeAsync(EmissionsJob.JOB_NAME + "-bench-" + label),
                port,
                submitted,
                "Source: kafka-readings");
    }
}
