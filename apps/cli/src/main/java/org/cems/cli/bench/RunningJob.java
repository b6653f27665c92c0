package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * A job submitted to its own embedded cluster, watched through the cluster's REST API: records
 * read by its source, its restarts, its checkpoints.
 */
final class RunningJob implements AutoCloseable {
    private final Rig rig;
    private final JobClient client;
    final String base;
    final String jobId;
    final long submittedNanos;
    private final String sourceVertex;

    /**
     * @param sourceVertex how the name of the vertex reading Kafka starts: the job also has a
     *     bounded source (the registry's points) whose count must not be taken for it
     */
    RunningJob(Rig rig, JobClient client, int restPort, long submittedNanos, String sourceVertex) {
        this.rig = rig;
        this.client = client;
        this.sourceVertex = sourceVertex;
        this.base = "http://localhost:" + restPort;
        this.jobId = client.getJobID().toString();
        this.submittedNanos = submittedNanos;
    }

    double secondsSinceSubmission() {
        return (System.nanoTime() - submittedNanos) / 1e9;
    }

    /** Records its Kafka source has read (numRecordsIn summed over subtasks); -1 until the counters exist. */
    long recordsRead() {
        return SourceReadCounters.recordsRead(jobId, sourceVertex);
    }

    /**
     * Polls the records read until the first {@code total} have been, or the cap: the rate over
     * the time from submission (start-up included) and from 10 % to 90 % of them (steady).
     */
    Throughput awaitRead(String what, long total, Duration cap) throws InterruptedException {
        long t10 = -1;
        long t90 = -1;
        long lastSay = System.nanoTime();
        long read = 0;
        while (System.nanoTime() - submittedNanos < cap.toNanos()) {
            long now = recordsRead();
            if (now >= 0) {
                if (now < read) {
                    // a restarted subtask's counter starts again from 0: restarts come from Flink's own record
                    rig.say(String.format(
                            "  %s: records read went back from %,d to %,d (restarts are read from the job's exception history)",
                            what, read, now));
                }
                read = now;
            }
            long t = System.nanoTime();
            if (t10 < 0 && read >= total / 10) {
                t10 = t;
            }
            if (t90 < 0 && read >= total * 9 / 10) {
                t90 = t;
            }
            if (read >= total) {
                double secs = (t - submittedNanos) / 1e9;
                double steady = t90 > t10 ? 0.8 * total / ((t90 - t10) / 1e9) : Double.NaN;
                rig.say(String.format(
                        "%s: read all %,d records in %.1f s from submission = %,.0f records/s (10%%-90%%: %,.0f records/s)",
                        what, total, secs, total / secs, steady));
                return new Throughput(total / secs, steady, secs, true, null);
            }
            if (t - lastSay > 5_000_000_000L) {
                lastSay = t;
                rig.say(String.format(
                        "  %s: read %,d / %,d (%.0f%%) after %.0f s",
                        what, read, total, 100.0 * read / total, (t - submittedNanos) / 1e9));
            }
            Thread.sleep(200);
        }
        double secs = cap.toSeconds();
        rig.say(String.format(
                "%s: time cap %d s reached with %,d / %,d records read = %,.0f records/s",
                what, cap.toSeconds(), read, total, read / secs));
        return new Throughput(read / secs, Double.NaN, secs, false, null);
    }

    /** The restarts so far: numRestarts and the exception history. */
    Restarts restarts() {
        try {
            long n = Restarts.parseNumRestarts(rig.getJson(base + "/jobs/" + jobId + "/metrics?get=numRestarts"));
            JsonNode exceptions = rig.getJson(base + "/jobs/" + jobId + "/exceptions");
            return Restarts.of(n, Restarts.parseHistory(exceptions), Restarts.truncated(exceptions));
        } catch (Exception e) {
            rig.say("reading the job's restarts: " + e);
            return Restarts.UNKNOWN;
        }
    }

    @Override
    public void close() {
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            rig.say("cancelling the job: " + e.getMessage());
        }
    }
}
