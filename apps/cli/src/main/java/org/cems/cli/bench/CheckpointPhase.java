package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase "checkpoint and state": the first checkpoint that starts after the job has read the
 * backlog (its size is the state of S sources after an hour), the longest one so far, and which
 * operators hold the state.
 */
final class CheckpointPhase {
    /**
     * @param stateBytes the checkpoint's full state size
     * @param checkpointedBytes what it wrote (the increment, with incremental checkpoints)
     * @param byOperator the four largest operators, bytes per source
     */
    record Checkpoint(
            long stateBytes,
            long checkpointedBytes,
            long millis,
            long maxMillis,
            String byOperator,
            long completed,
            long failed) {
        double bytesPerSource(int sources) {
            return (double) stateBytes / sources;
        }
    }

    private static final long WAIT_MS = 60_000;

    private CheckpointPhase() {}

    /** The checkpoint, or null when none completed within a minute. */
    static Checkpoint run(Rig rig, RunningJob job, int sources) throws Exception {
        long after = System.currentTimeMillis();
        long deadline = after + WAIT_MS;
        String url = job.base + "/jobs/" + job.jobId + "/checkpoints";
        while (System.currentTimeMillis() < deadline) {
            JsonNode cp = rig.getJson(url);
            JsonNode latest = cp.path("latest").path("completed");
            if (!latest.isMissingNode()
                    && !latest.isNull()
                    && latest.path("trigger_timestamp").asLong() > after) {
                long id = latest.path("id").asLong();
                Checkpoint c = new Checkpoint(
                        latest.path("state_size").asLong(-1),
                        latest.path("checkpointed_size").asLong(-1),
                        latest.path("end_to_end_duration").asLong(-1),
                        cp.path("summary")
                                .path("end_to_end_duration")
                                .path("max")
                                .asLong(-1),
                        byOperator(rig, job, id, sources),
                        cp.path("counts").path("completed").asLong(),
                        cp.path("counts").path("failed").asLong());
                rig.say(String.format(
                        "checkpoint %d after the backlog: state %,d B (%.0f B per source), checkpointed %,d B, %d ms (max so far %d ms); "
                                + "%d completed, %d failed",
                        id,
                        c.stateBytes(),
                        c.bytesPerSource(sources),
                        c.checkpointedBytes(),
                        c.millis(),
                        c.maxMillis(),
                        c.completed(),
                        c.failed()));
                JsonNode failed = cp.path("latest").path("failed");
                if (c.failed() > 0 && !failed.isMissingNode() && !failed.isNull()) {
                    rig.say("the latest failed checkpoint, " + failed.path("id").asLong() + ": "
                            + failed.path("failure_message").asText("(no message)"));
                } else if (c.failed() > 0) {
                    // Flink counts a checkpoint it declined to trigger (as while tasks are still
                    // starting) as failed, with no statistics to show
                    rig.say("the failed checkpoints never started: Flink keeps no details of a declined trigger");
                }
                rig.say("state per source by operator: " + c.byOperator());
                return c;
            }
            Thread.sleep(500);
        }
        rig.say("no checkpoint completed within " + WAIT_MS / 1000 + " s after the backlog");
        return null;
    }

    /** The operators holding the most state in one checkpoint, in bytes per source, largest first. */
    private static String byOperator(Rig rig, RunningJob job, long checkpointId, int sources) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode v : rig.getJson(job.base + "/jobs/" + job.jobId).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        rig.getJson(job.base + "/jobs/" + job.jobId + "/checkpoints/details/" + checkpointId)
                .path("tasks")
                .fields()
                .forEachRemaining(t -> sizes.add(Map.entry(
                        names.getOrDefault(t.getKey(), t.getKey()),
                        t.getValue().path("state_size").asLong())));
        sizes.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : sizes.subList(0, Math.min(4, sizes.size()))) {
            String name = e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "…" : e.getKey();
            b.append(b.length() == 0 ? "" : ", ")
                    .append(String.format("%s %,.0f B", name, (double) e.getValue() / sources));
        }
        return b.toString();
    }
}
