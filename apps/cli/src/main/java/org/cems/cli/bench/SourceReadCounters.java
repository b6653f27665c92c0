package org.cems.cli.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * The records a job's source has read, from the {@code numRecordsIn} counters of its source
 * operator, read in this JVM. The bench used to poll the REST API with the metric fetcher refreshing
 * every second: the JobManager then collected and serialized every metric of every operator each
 * second, which cost a job with many operators (the full job) far more than the SQL job it is
 * compared with (14 % of the CPU samples of an S = 1,000 run). A reporter costs nothing per read.
 */
public final class SourceReadCounters implements MetricReporter {
    private static final String NAME = "bench-read";
    private static final ConfigOption<String> FACTORY = ConfigOptions.key("metrics.reporter." + NAME + ".factory.class")
            .stringType()
            .noDefaultValue();
    private static final String JOB_ID = "<job_id>";
    private static final String OPERATOR = "<operator_name>";

    /** Per job id: per source subtask, its counter (every embedded cluster of the bench runs in this JVM). */
    private static final Map<String, Map<MetricGroup, Counter>> BY_JOB = new ConcurrentHashMap<>();

    /** Adds the reporter to an embedded cluster's settings. */
    static void register(Configuration conf) {
        conf.set(FACTORY, Factory.class.getName());
    }

    /**
     * The records read so far by the job's operators whose name starts with {@code operatorPrefix},
     * summed over subtasks; -1 until one has registered its counter.
     */
    static long recordsRead(String jobId, String operatorPrefix) {
        Map<MetricGroup, Counter> counters = BY_JOB.get(jobId);
        if (counters == null) {
            return -1;
        }
        long sum = 0;
        boolean any = false;
        for (Map.Entry<MetricGroup, Counter> e : counters.entrySet()) {
            if (e.getKey().getAllVariables().getOrDefault(OPERATOR, "").startsWith(operatorPrefix)) {
                sum += e.getValue().getCount();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (!"numRecordsIn".equals(name) || !(metric instanceof Counter)) {
            return;
        }
        Map<String, String> vars = group.getAllVariables();
        String jobId = vars.get(JOB_ID);
        // a task's numRecordsIn has no operator; a source operator's counts what its reader emitted
        if (jobId != null && vars.getOrDefault(OPERATOR, "").startsWith("Source")) {
            BY_JOB.computeIfAbsent(jobId, k -> new ConcurrentHashMap<>()).put(group, (Counter) metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // a restarted subtask registers a new counter: the old one must not count twice
        String jobId = group.getAllVariables().get(JOB_ID);
        Map<MetricGroup, Counter> counters = jobId == null ? null : BY_JOB.get(jobId);
        if (counters != null) {
            counters.remove(group);
        }
    }

    /** Loaded by Flink from {@code metrics.reporter.bench-read.factory.class}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new SourceReadCounters();
        }
    }
}
