package org.cems.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running as a child process, its output in a log file. It is stopped on close and,
 * should the JVM end first, by a shutdown hook, so no run leaves an orphan behind.
 */
public final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Path workDir;
    private final Path logFile;
    private Process process;
    private Thread shutdownHook;

    public ManagedProcess(String name, List<String> command, Path workDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.logFile = workDir.resolve(name + ".log");
    }

    /** Starts the process and waits until {@code ready} holds, failing with the log's tail. */
    public synchronized void start(BooleanSupplier ready, Duration timeout) {
        ServerTests.requireIntegrationTest(name);
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        Process started = process;
        shutdownHook = new Thread(() -> destroy(started), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
            }
            sleep(50);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the process's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        destroy(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
        process = null;
    }

    private static void destroy(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
