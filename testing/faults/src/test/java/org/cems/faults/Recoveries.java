package org.cems.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovery figures of the suite: for each fault, how long from injecting it until the job was
 * running again and until data published after the fault was in InfluxDB. Written to
 * {@code target/fault-recoveries.txt} and the test output, for the README.
 */
final class Recoveries {
    /** One fault's figures; times in seconds from the injection. */
    record Recovery(String fault, double faultEndedS, double runningS, double flowingS, long restarts) {
        String line() {
            return String.format(
                    "%-44s fault ended %6.1f s | job running %6.1f s | data flowing %6.1f s | restarts %d",
                    fault, faultEndedS, runningS, flowingS, restarts);
        }
    }

    private final List<Recovery> recoveries = new ArrayList<>();
    private final long suiteStart = System.nanoTime();

    synchronized void add(String fault, long injected, long ended, long running, long flowing, long restarts) {
        Recovery r = new Recovery(
                fault, seconds(injected, ended), seconds(injected, running), seconds(injected, flowing), restarts);
        recoveries.add(r);
        System.out.println("recovery: " + r.line());
    }

    synchronized void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        recoveries.forEach(r -> lines.add(r.line()));
        lines.add(String.format("suite run time %.0f s", seconds(suiteStart, System.nanoTime())));
        lines.forEach(System.out::println);
        Files.write(file, lines);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
