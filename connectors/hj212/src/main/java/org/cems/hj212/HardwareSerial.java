package org.cems.hj212;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hardware fingerprint an HJ 212-2025 data logger uploads with CN 1001 (ST=91) at network
 * activation, from which the platform assigns its MN (CN 1002). Field codes as written by the
 * public 2025 implementation cited in docs/hj212-2025.md: {@code i23005-Info} logger id,
 * {@code i23006-Info} CPU id, {@code i23007-Info}/{@code i23008-Info} MAC addresses.
 *
 * @param mn           the MN the frame carries (provisional until the platform assigns one)
 * @param dataLoggerId {@code i23005-Info}, or null
 * @param cpuId        {@code i23006-Info}, or null
 * @param macs         {@code i23007-Info}, {@code i23008-Info} when present
 */
public record HardwareSerial(String mn, String dataLoggerId, String cpuId, List<String> macs) implements Serializable {

    public HardwareSerial {
        macs = List.copyOf(macs);
    }

    /** The serial of a {@link Hj212PacketKind#REGISTRATION} packet; empty for other packets. */
    public static Optional<HardwareSerial> of(Hj212Packet packet) {
        if (packet.kind() != Hj212PacketKind.REGISTRATION) {
            return Optional.empty();
        }
        List<String> macs = new ArrayList<>(2);
        info(packet, "i23007").ifPresent(macs::add);
        info(packet, "i23008").ifPresent(macs::add);
        return Optional.of(new HardwareSerial(
                packet.mn(),
                info(packet, "i23005").orElse(null),
                info(packet, "i23006").orElse(null),
                macs));
    }

    private static Optional<String> info(Hj212Packet packet, String code) {
        return packet.item(code).flatMap(i -> i.value("Info"));
    }
}
