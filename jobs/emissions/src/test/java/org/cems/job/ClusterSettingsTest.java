package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;

/**
 * The job takes parallelism and the checkpoint interval from the cluster's configuration when its
 * own config leaves them unset, its own when set, and checkpoints every 5 s when neither sets one.
 */
class ClusterSettingsTest {

    private static JobConfig config() throws Exception {
        JobConfig c = new JobConfig();
        c.registry = Path.of(ClusterSettingsTest.class
                        .getResource("/registry-test.yaml")
                        .toURI())
                .toString();
        return c;
    }

    private static StreamExecutionEnvironment built(Configuration cluster, JobConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        EmissionsJob.build(env, config);
        return env;
    }

    @Test
    void unsetInTheConfigTheClustersApply() throws Exception {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(7));
        StreamExecutionEnvironment env = built(cluster, config());
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(7_000);
    }

    @Test
    void setInTheConfigTheConfigsApply() throws Exception {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(7));
        JobConfig c = config();
        c.parallelism = 2;
        c.checkpoint.interval = "1m";
        StreamExecutionEnvironment env = built(cluster, c);
        assertThat(env.getParallelism()).isEqualTo(2);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(60_000);
    }

    @Test
    void withoutAnIntervalAnywhereTheJobStillCheckpoints() throws Exception {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        StreamExecutionEnvironment env = built(cluster, config());
        assertThat(env.getCheckpointConfig().getCheckpointInterval())
                .isEqualTo(EmissionsJob.DEFAULT_CHECKPOINT_INTERVAL.toMillis());
    }

    @Test
    void aCheckpointGoesUnalignedWhenItsBarriersWaitLongerThanTheConfigSays() throws Exception {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        StreamExecutionEnvironment env = built(cluster, config());
        assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getAlignedCheckpointTimeout()).isEqualTo(Duration.ofSeconds(2));

        JobConfig aligned = config();
        aligned.checkpoint.unalignedAfter = "off";
        assertThat(built(cluster, aligned).getCheckpointConfig().isUnalignedCheckpointsEnabled())
                .isFalse();
    }
}
