package org.cems.gateway;

/**
 * Counters of a running gateway since it started (a snapshot).
 *
 * @param connectionsOpen     connections open now
 * @param connectionsAccepted connections accepted
 * @param connectionsRefused  connections closed on accept because {@code maxConnections} were open
 * @param connectionsIdled    connections closed by the idle timeout
 * @param framesIn            frames and runs of unframeable bytes read
 * @param published           station uploads (data, facility status, restarts, site information) Kafka acknowledged on the readings topic
 * @param rejected            inputs sent to the dead-letter topic (bad frames, wrong passwords)
 * @param notReadings         good frames not stored: replies, notifies, commands
 * @param repliesSent         answers written to data loggers (9014, 9013, 9011)
 * @param publishFailures     uploads Kafka did not take (not answered, so the logger sends them again)
 * @param modbusCrcAccepted   frames with a MODBUS-variant CRC taken under the lenient CRC policy
 * @param decrypted           HJ 212-2025 frames whose SM4 data area was decrypted
 * @param heartbeats          HJ 212-2025 heartbeats (CN 9015) Kafka acknowledged (also counted in {@code published})
 * @param registrations       CN 1001 registrations from MNs not in the registry (all of them without a registry)
 * @param pendingRegistrationMns distinct MNs among them: loggers waiting for an operator to approve them
 * @param keyChanges          SM4 keys changed by CN 1014
 * @param keyChangesRefused   CN 1014 frames whose new key was refused (sent in clear text)
 */
public record GatewayStats(
        long connectionsOpen,
        long connectionsAccepted,
        long connectionsRefused,
        long connectionsIdled,
        long framesIn,
        long published,
        long rejected,
        long notReadings,
        long repliesSent,
        long publishFailures,
        long modbusCrcAccepted,
        long decrypted,
        long heartbeats,
        long registrations,
        long pendingRegistrationMns,
        long keyChanges,
        long keyChangesRefused) {

    /** One line for a console: totals, and the frame rate since {@code previous} over {@code seconds}. */
    public String statusLine(GatewayStats previous, double seconds) {
        double rate = previous == null || seconds <= 0 ? 0 : (framesIn - previous.framesIn) / seconds;
        return String.format(
                "[gateway] connections %,d open (%,d accepted, %,d refused, %,d idle-closed)"
                        + " | frames %,d (%,.1f/s) | published %,d | rejected %,d | not readings %,d"
                        + " | replies %,d | publish failures %,d%s%s%s%s",
                connectionsOpen,
                connectionsAccepted,
                connectionsRefused,
                connectionsIdled,
                framesIn,
                rate,
                published,
                rejected,
                notReadings,
                repliesSent,
                publishFailures,
                modbusCrcAccepted > 0 ? String.format(" | MODBUS CRC %,d", modbusCrcAccepted) : "",
                decrypted > 0 || heartbeats > 0
                        ? String.format(" | SM4 decrypted %,d | heartbeats %,d", decrypted, heartbeats)
                        : "",
                registrations > 0
                        ? String.format(
                                " | registrations %,d from %,d unregistered MNs (approve in the registry)",
                                registrations, pendingRegistrationMns)
                        : "",
                keyChanges > 0 || keyChangesRefused > 0
                        ? String.format(" | SM4 key changes %,d (%,d refused)", keyChanges, keyChangesRefused)
                        : "");
    }
}
