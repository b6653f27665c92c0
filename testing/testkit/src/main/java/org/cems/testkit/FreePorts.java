package org.cems.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback, for servers that must be told their port before they start.
 *
 * <p>The ports come from below the kernel's ephemeral range: a port the kernel hands out for
 * {@code bind(0)} is also what it hands to the next outgoing connection, so between our probe and
 * the server's own bind a Kafka or HTTP client of the same test could take it (influxd once failed
 * with "address already in use" that way). Below the range only another listener can collide, and
 * the random pick makes that unlikely. A port is handed out once per JVM: two random picks can
 * meet where {@code bind(0)} never repeats itself at once (Kafka once got one port for both its
 * listeners).
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;

    /** Read once: the range is the machine's, and a test run asks for hundreds of ports. */
    private static final int EPHEMERAL_START = ephemeralRangeStart();

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    public static int next() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "no free loopback port in " + LOWEST + "-" + (EPHEMERAL_START - 1) + " after " + ATTEMPTS + " tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range, 32768 unless the machine sets another. */
    static int ephemeralRangeStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            // by lines: Files.readString reads procfs files (size 0) short, one byte here
            int start = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
            return Math.max(LOWEST + 1_000, start);
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
