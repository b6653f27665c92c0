package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.cems.job.config.JobConfig;
import org.cems.job.notify.NotifyConfig;
import org.junit.jupiter.api.Test;

/**
 * A savepoint maps state to operators by uid: the job with every input and output enabled has
 * exactly these operators, each with its uid, whichever class wires them (JobTopology, an alert
 * engine, an output sink). Renaming one orphans its state; a new one is added here deliberately.
 */
class OperatorUidsTest {

    @Test
    void everyOperatorKeepsItsUid() throws Exception {
        JobConfig config = new JobConfig();
        config.registry = Path.of(OperatorUidsTest.class
                        .getResource("/registry-test.yaml")
                        .toURI())
                .toString();
        NotifyConfig.Target hook = new NotifyConfig.Target();
        hook.type = "webhook";
        hook.url = "http://localhost:1/hook";
        config.notify.targets.put("duty", hook);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);

        List<String> uids = env.getStreamGraph(false).getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull)
                .toList();
        assertThat(uids)
                .containsExactlyInAnyOrder(
                        // sources and decoding
                        "kafka-readings",
                        "mqtt-readings",
                        "decode-payloads",
                        "split-uploads",
                        "facility-points",
                        "station-event-points",
                        "station-measurement-points",
                        "reading-points",
                        "split-reading-points",
                        "registry-points",
                        // source windows, carbon, roll-ups and KPIs, efficiency
                        "production-conditions",
                        "source-windows",
                        "emission-points",
                        "counted-masses",
                        "contributions",
                        "contribution-sums",
                        "window-totals",
                        "total-points",
                        "plan-pollutant-days",
                        "source-year-days",
                        "year-to-date-shards",
                        "year-to-date-kpi-sums",
                        "kpi-points",
                        "device-sides",
                        "device-statuses",
                        "device-powers",
                        "device-efficiency",
                        "efficiency-points",
                        "efficiency-gains",
                        "coal-rates",
                        "weighted-daily-kpis",
                        "weighted-kpi-points",
                        // alert engines
                        "reading-flags",
                        "split-reading-flags",
                        "hourly-limits",
                        "exceedance-alerts",
                        "minute-efficiencies",
                        "efficiency-drop-alerts",
                        "future-times",
                        "future-time-samples",
                        "reading-alerts",
                        "facility-powers",
                        "minute-flows",
                        "treatment-power-alerts",
                        "alert-points",
                        // quality and duty
                        "quality-counts",
                        "quality-points",
                        "open-incidents",
                        "source-record-counts",
                        "data-rates",
                        "data-rate-points",
                        // sinks
                        "influxdb-readings",
                        "influxdb-emissions",
                        "influxdb-registry",
                        "influxdb",
                        "dead-letter-counts",
                        "deadletter-kafka",
                        "Sink Committer: deadletter-kafka",
                        "alerts-kafka",
                        "Sink Committer: alerts-kafka",
                        "alerts-mqtt",
                        "alert-notifications",
                        "alerts-notify");
    }
}
