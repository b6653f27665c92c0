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
 */
public record GatewayStats(long connectionsOpen, long connectionsAccepted, long connectionsRefused,
                           long connectionsIdled, long framesIn, long published, long rejected, long notReadings,
                           long repliesSent, long publishFailures, long modbusCrcAccepted) {

    /** One line for a console: totals, and the frame rate since {@code previous} over {@code seconds}. */
    public String statusLine(GatewayStats previous, double seconds) {
        double rate = previous == null || seconds <= 0 ? 0 : (framesIn - previous.framesIn) / seconds;
        return String.format("[gateway] connections %,d open (%,d accepted, %,d refused, %,d idle-closed)"
                        + " | frames %,d (%,.1f/s) | published %,d | rejected %,d | not readings %,d"
                        + " | replies %,d | publish failures %,d%s",
                connectionsOpen, connectionsAccepted, connectionsRefused, connectionsIdled, framesIn, rate, published,
                rejected, notReadings, repliesSent, publishFailures,
                modbusCrcAccepted > 0 ? String.format(" | MODBUS CRC %,d", modbusCrcAccepted) : "");
    }
}
