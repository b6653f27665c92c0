package org.cems.job.decode;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts the dead letters on their way to the dead-letter topic, one counter per reason: where
 * every reason the job refuses input for meets, so an operator sees the rate of each without
 * reading the topic ({@code ..._operator_reason_deadLetters{reason="bad_crc"}} in Prometheus,
 * docs/metrics.md). Points InfluxDB refuses are counted by the sink ({@code rejectedPoints}).
 */
public class CountDeadLetters extends RichMapFunction<DeadLetter, DeadLetter> {
    public static final String REASON_GROUP = "reason";
    public static final String COUNTER = "deadLetters";

    private transient MetricGroup metrics;
    private transient Map<String, Counter> byReason;

    @Override
    public void open(OpenContext ctx) {
        metrics = getRuntimeContext().getMetricGroup();
        byReason = new HashMap<>();
    }

    @Override
    public DeadLetter map(DeadLetter deadLetter) {
        // reasons are the catalogue's wire names (DeadLetterReason): a few dozen series at most
        byReason.computeIfAbsent(
                        deadLetter.reason,
                        r -> metrics.addGroup(REASON_GROUP, r).counter(COUNTER))
                .inc();
        return deadLetter;
    }
}
