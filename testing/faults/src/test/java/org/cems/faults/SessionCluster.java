package org.cems.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cems.testkit.FreePorts;

/**
 * A standalone Flink session cluster of separate JVMs, started and stopped through
 * {@code bin/cems cluster} exactly as an operator does, in its own folder and on free ports.
 */
final class SessionCluster implements AutoCloseable {
    private final Path root;
    private final Path dir;
    private final int restPort = FreePorts.next();
    private final int rpcPort = FreePorts.next();
    private final FlinkRest rest;

    private SessionCluster(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
        this.rest = new FlinkRest("http://localhost:" + restPort);
    }

    /** {@code bin/cems cluster start}: a JobManager and two TaskManagers of 2 slots each. */
    static SessionCluster start(Path root, Path dir) {
        SessionCluster cluster = new SessionCluster(root, dir);
        try {
            cluster.cems(Bound.START, "cluster", "start", "--taskmanagers", "2");
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    FlinkRest rest() {
        return rest;
    }

    Path dir() {
        return dir;
    }

    /** SIGKILL to a TaskManager's JVM (its pid file is written by bin/cems cluster). */
    void killTaskManager(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve(name + ".pid")).trim());
        ProcessHandle tm = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        // destroyForcibly is SIGKILL on Unix: no shutdown hooks, no goodbye to the JobManager
        tm.destroyForcibly();
        tm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The last lines of a cluster process's log, for failure messages. */
    String logTail(String process) {
        try {
            List<String> lines =
                    Files.readAllLines(dir.resolve("log").resolve(process + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        cems(Bound.STOP, "cluster", "stop");
    }

    private enum Bound {
        // the first start may resolve the Flink jars with Maven; a loaded machine is slow
        START(300),
        STOP(120);

        final int seconds;

        Bound(int seconds) {
            this.seconds = seconds;
        }
    }

    private void cems(Bound bound, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/cems").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("CEMS_CLUSTER_DIR", dir.toString());
        env.put("CEMS_CLUSTER_REST_PORT", Integer.toString(restPort));
        env.put("CEMS_CLUSTER_RPC_PORT", Integer.toString(rpcPort));
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve("cems-" + args[1] + ".out");
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(bound.seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "bin/cems " + String.join(" ", args) + " took more than " + bound.seconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bin/cems " + String.join(" ", args) + " failed (" + p.exitValue()
                        + "):\n" + Files.readString(out) + "\n" + logTail("jobmanager"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/cems", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
