package org.cems.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cems.hj212.HardwareSerial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CN 1001 registrations (HJ 212-2025: a data logger uploads its hardware serial at network
 * activation) from MNs the registry does not know, kept for an operator to approve by adding the
 * MN to the registry. Each one is a JSON line appended to the registrations file: MN, logger id,
 * CPU id, MACs, remote address, first and last seen, how many times; the last line of an MN is
 * its current state. The first-seen times survive a restart (the file is read at start). Used on
 * the event loop thread only.
 */
final class Registrations {
    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Seen(Instant first, long count) {}

    private final Set<String> registeredMns;
    private final Path file;
    private final GatewayCounters counters;
    private final Map<String, Seen> seen = new HashMap<>();

    /** @param registeredMns the registry's MNs; null records every registration (nothing to compare with) */
    Registrations(Set<String> registeredMns, Path file, GatewayCounters counters) {
        this.registeredMns = registeredMns;
        this.file = file;
        this.counters = counters;
        if (file != null && Files.exists(file)) {
            readBack(file);
        }
        counters.pendingRegistrationMns.set(seen.size());
    }

    /** A 1001 arrived: recorded unless its MN is registered. */
    void onRegistration(HardwareSerial serial, String origin, Instant at) {
        if (registeredMns != null && registeredMns.contains(serial.mn())) {
            return; // a registered logger activating again (after a reset): nothing to approve
        }
        counters.registrations.incrementAndGet();
        Seen before = seen.get(serial.mn());
        Seen now = new Seen(before == null ? at : before.first(), before == null ? 1 : before.count() + 1);
        seen.put(serial.mn(), now);
        counters.pendingRegistrationMns.set(seen.size());
        if (before == null) {
            LOG.info(
                    "registration (CN 1001) from MN {} at {}, not in the registry: {}",
                    serial.mn(),
                    origin,
                    file == null ? "see the progress line" : "recorded in " + file);
        }
        if (file != null) {
            append(line(serial, origin, now, at));
        }
    }

    private static String line(HardwareSerial serial, String origin, Seen seen, Instant last) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mn", serial.mn());
        n.put("dataLoggerId", serial.dataLoggerId());
        n.put("cpuId", serial.cpuId());
        n.putPOJO("macs", List.copyOf(serial.macs()));
        n.put("remote", origin);
        n.put("firstSeen", seen.first().toString());
        n.put("lastSeen", last.toString());
        n.put("count", seen.count());
        return n.toString();
    }

    private void append(String line) {
        try (BufferedWriter w = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line);
            w.newLine();
        } catch (IOException e) {
            LOG.warn("cannot append a registration to {}: {}", file, e.toString());
        }
    }

    private void readBack(Path path) {
        try {
            for (String text : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(text);
                String mn = n.path("mn").asText(null);
                if (mn != null && (registeredMns == null || !registeredMns.contains(mn))) {
                    seen.put(
                            mn,
                            new Seen(
                                    Instant.parse(n.path("firstSeen").asText()),
                                    n.path("count").asLong()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "cannot read the registrations recorded in {} ({}): first-seen times start again",
                    path,
                    e.toString());
        }
    }
}
