package org.cems.hj212;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins split uploads (PNUM/PNO, HJ 212-2017 Tables C.47-C.50) into one packet.
 *
 * <p>Every part is a complete packet with its own QN, so parts are grouped on MN + CN + DataTime,
 * not on QN. Memory is bounded: at most {@code maxPendingGroups} groups (the oldest is evicted),
 * at most {@code maxPartsPerGroup} parts per group, and a group that is not complete within
 * {@code timeout} of its first part expires. Time comes from the caller ({@code nowMillis}, e.g.
 * Flink processing time), so tests and replays are deterministic. Not thread-safe.
 */
public final class SplitPacketAssembler {

    /** What {@link #offer} and {@link #expire} produce. */
    public sealed interface Outcome permits Complete, Expired {}

    /**
     * A whole packet: either a packet that was never split, or the merge of all parts. A merged
     * packet has the header of part 1 (its QN), no PNUM/PNO, Flag bit D cleared, and the items
     * and CP fields of all parts in PNO order (a later part wins on a repeated value).
     */
    public record Complete(Hj212Packet packet, int parts) implements Outcome {}

    /** An incomplete group given up on; {@code parts} are what arrived, in PNO order. */
    public record Expired(RejectReason reason, String detail, List<Hj212Packet> parts) implements Outcome {
        public Expired {
            parts = List.copyOf(parts);
        }
    }

    private final int maxPendingGroups;
    private final long timeoutMillis;
    private final int maxPartsPerGroup;
    /** Insertion order = first-part order, so the head is always the oldest group. */
    private final LinkedHashMap<Key, Group> groups = new LinkedHashMap<>();

    public SplitPacketAssembler(int maxPendingGroups, Duration timeout, int maxPartsPerGroup) {
        if (maxPendingGroups < 1 || maxPartsPerGroup < 2) {
            throw new IllegalArgumentException("need maxPendingGroups >= 1 and maxPartsPerGroup >= 2");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.maxPendingGroups = maxPendingGroups;
        this.timeoutMillis = timeout.toMillis();
        this.maxPartsPerGroup = maxPartsPerGroup;
    }

    /**
     * Adds a packet. Packets that are not split (no PNUM, or PNUM=1) come straight back as
     * {@link Complete}. The result also holds groups that expired or were evicted meanwhile.
     */
    public List<Outcome> offer(Hj212Packet packet, long nowMillis) {
        Objects.requireNonNull(packet, "packet");
        List<Outcome> out = new ArrayList<>(1);
        expireInto(nowMillis, out);
        int pnum = packet.pnum();
        int pno = packet.pno();
        if (pnum <= 1 || pno < 1 || pno > pnum) {
            out.add(new Complete(packet, 1));
            return out;
        }
        if (pnum > maxPartsPerGroup) {
            out.add(new Expired(
                    RejectReason.SPLIT_TOO_LARGE,
                    "PNUM=" + pnum + " exceeds the limit of " + maxPartsPerGroup + " parts",
                    List.of(packet)));
            return out;
        }
        Key key = new Key(packet.mn(), packet.cn(), packet.dataTime().orElse(null));
        Group group = groups.get(key);
        if (group == null) {
            if (groups.size() >= maxPendingGroups) {
                Iterator<Map.Entry<Key, Group>> eldest = groups.entrySet().iterator();
                Group evicted = eldest.next().getValue();
                eldest.remove();
                out.add(evicted.expired(
                        RejectReason.SPLIT_EVICTED, "more than " + maxPendingGroups + " split uploads pending"));
            }
            group = new Group(nowMillis);
            groups.put(key, group);
        }
        group.parts.put(pno, packet); // a retransmitted part replaces the earlier copy
        group.expected = Math.max(group.expected, pnum);
        if (group.parts.size() == group.expected) { // every PNO is in 1..expected, so all are here
            groups.remove(key);
            out.add(new Complete(merge(group.parts.values()), group.expected));
        }
        return out;
    }

    /** Expires groups older than the timeout; call it from a timer when no packets arrive. */
    public List<Outcome> expire(long nowMillis) {
        List<Outcome> out = new ArrayList<>(0);
        expireInto(nowMillis, out);
        return out;
    }

    /** Number of incomplete groups held. */
    public int pendingGroups() {
        return groups.size();
    }

    private void expireInto(long nowMillis, List<Outcome> out) {
        Iterator<Group> it = groups.values().iterator();
        while (it.hasNext()) {
            Group g = it.next();
            if (nowMillis - g.firstSeenMillis < timeoutMillis) {
                break; // later groups started later
            }
            it.remove();
            out.add(g.expired(RejectReason.SPLIT_TIMEOUT, "not complete within " + timeoutMillis + " ms"));
        }
    }

    private static Hj212Packet merge(Iterable<Hj212Packet> partsInOrder) {
        Hj212Packet.Builder b = null;
        for (Hj212Packet part : partsInOrder) {
            if (b == null) {
                b = part.toBuilder().split(0, 0).clearItems();
                int flag = part.flag().orElse(-1);
                if (flag >= 0) {
                    b.flag(flag & ~2);
                }
            }
            part.items().values().forEach(b::item);
            for (Map.Entry<String, String> e : part.cpFields().entrySet()) {
                b.cpField(e.getKey(), e.getValue());
            }
        }
        return Objects.requireNonNull(b).build();
    }

    private record Key(String mn, String cn, LocalDateTime dataTime) {}

    private static final class Group {
        final long firstSeenMillis;
        final TreeMap<Integer, Hj212Packet> parts = new TreeMap<>();
        int expected;

        Group(long firstSeenMillis) {
            this.firstSeenMillis = firstSeenMillis;
        }

        Expired expired(RejectReason reason, String detail) {
            return new Expired(
                    reason,
                    detail + ": received PNO " + parts.keySet() + " of " + expected,
                    new ArrayList<>(parts.values()));
        }
    }
}
