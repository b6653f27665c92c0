package org.cems.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds a server binary that comes from a Debian package, installing the package when this
 * process runs as root on Debian; otherwise fails naming the exact install command.
 */
public final class DebianPackages {
    private static boolean aptUpdated;

    private DebianPackages() {}

    /** Returns the path of {@code binary} (e.g. /usr/sbin/mosquitto) from package {@code pkg}. */
    public static synchronized Path require(String binary, String pkg) {
        Path path = Path.of(binary);
        if (Files.isExecutable(path)) {
            return path;
        }
        String command = "apt-get install -y --no-install-recommends " + pkg;
        if (!isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException(binary + " is missing: install it with `sudo " + command + "`");
        }
        System.err.println("[testkit] " + binary + " is missing; installing Debian package " + pkg);
        if (!aptUpdated) {
            run(List.of("apt-get", "update", "-qq"));
            aptUpdated = true;
        }
        run(List.of("sh", "-c", "DEBIAN_FRONTEND=noninteractive " + command + " -qq"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(binary + " still missing after `" + command + "`");
        }
        return path;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `" + String.join(" ", command) + "`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing", e);
        }
    }
}
