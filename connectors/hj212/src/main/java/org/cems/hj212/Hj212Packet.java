package org.cems.hj212;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One decoded HJ 212 packet (data segment of one frame, HJ 212-2017 §6.3 Table 3). Immutable.
 *
 * <p>Header: MN and CN are always present; QN, ST, PW, Flag, PNUM/PNO are optional on the wire and
 * exposed as Optional / 0. The CP data area is split into {@link #dataTime()}, {@link #items()}
 * (keys with a {@code code-Suffix} form) and {@link #cpFields()} (everything else: QnRtn, ExeRtn,
 * RestartTime, BeginTime, PolId, QN of 2005 replies, ...).
 */
public final class Hj212Packet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String qn;
    private final String st;
    private final String cn;
    private final String pw;
    private final String mn;
    private final int flag; // -1: absent
    private final int pnum; // 0: absent
    private final int pno; // 0: absent
    private final LocalDateTime dataTime;
    private final Map<String, Hj212Item> items;
    private final Map<String, String> cpFields;

    private Hj212Packet(Builder b) {
        this.qn = b.qn;
        this.st = b.st;
        this.cn = b.cn;
        this.pw = b.pw;
        this.mn = b.mn;
        this.flag = b.flag;
        this.pnum = b.pnum;
        this.pno = b.pno;
        this.dataTime = b.dataTime;
        Map<String, Hj212Item> its = new LinkedHashMap<>();
        b.items.forEach((code, values) -> its.put(code, new Hj212Item(code, values)));
        this.items = Collections.unmodifiableMap(its);
        this.cpFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.cpFields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this packet's values. */
    public Builder toBuilder() {
        Builder b = new Builder().qn(qn).st(st).cn(cn).pw(pw).mn(mn).dataTime(dataTime);
        b.flag = flag;
        b.pnum = pnum;
        b.pno = pno;
        items.values().forEach(b::item);
        b.cpFields.putAll(cpFields);
        return b;
    }

    /** Request number {@code YYYYMMDDhhmmsszzz}; replies echo it. */
    public Optional<String> qn() {
        return Optional.ofNullable(qn);
    }

    /** System code (Table 5), e.g. 31 flue-gas source, 91 system interaction. */
    public Optional<String> st() {
        return Optional.ofNullable(st);
    }

    /** Command code (Table 9), e.g. 2011. */
    public String cn() {
        return cn;
    }

    public Optional<String> pw() {
        return Optional.ofNullable(pw);
    }

    /** Monitoring point id. */
    public String mn() {
        return mn;
    }

    /** Raw Flag value, if the packet has one. */
    public OptionalInt flag() {
        return flag < 0 ? OptionalInt.empty() : OptionalInt.of(flag);
    }

    /** Edition from Flag's version bits; no Flag means HJ/T 212-2005. */
    public Hj212Edition edition() {
        return flag < 0 ? Hj212Edition.HJT212_2005 : Hj212Edition.ofVersionBits(flag >> 2);
    }

    /** Flag bit A: the sender expects an answer (9014 for uploads, §1.3). */
    public boolean needsAck() {
        return flag >= 0 && (flag & 1) != 0;
    }

    /** Flag bit D: this packet is one part of a split transfer. */
    public boolean isSplit() {
        return flag >= 0 && (flag & 2) != 0;
    }

    /** PNUM, total number of parts; 0 when absent. */
    public int pnum() {
        return pnum;
    }

    /** PNO, this part's number (1-based); 0 when absent. */
    public int pno() {
        return pno;
    }

    /**
     * CP DataTime, local time without zone. For 2051/2061/2031 it is the START of the interval.
     * Always present when an upload has items.
     */
    public Optional<LocalDateTime> dataTime() {
        return Optional.ofNullable(dataTime);
    }

    /** Items by code, in wire order. */
    public Map<String, Hj212Item> items() {
        return items;
    }

    /** The item for a code, if present. */
    public Optional<Hj212Item> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /** CP keys that are neither DataTime nor items, in wire order. */
    public Map<String, String> cpFields() {
        return cpFields;
    }

    /** What the packet is for, from {@link #cn()}, and for HJ 212-2025 also {@link #st()}. */
    public Hj212PacketKind kind() {
        return Hj212PacketKind.of(st, cn, edition());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hj212Packet p)) {
            return false;
        }
        return flag == p.flag
                && pnum == p.pnum
                && pno == p.pno
                && Objects.equals(qn, p.qn)
                && Objects.equals(st, p.st)
                && cn.equals(p.cn)
                && Objects.equals(pw, p.pw)
                && mn.equals(p.mn)
                && Objects.equals(dataTime, p.dataTime)
                && items.equals(p.items)
                && cpFields.equals(p.cpFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(qn, st, cn, pw, mn, flag, pnum, pno, dataTime, items, cpFields);
    }

    @Override
    public String toString() {
        return "Hj212Packet{QN=" + qn + ", ST=" + st + ", CN=" + cn + ", MN=" + mn
                + ", Flag=" + (flag < 0 ? "-" : flag) + (pnum > 0 ? ", PNUM=" + pnum + ", PNO=" + pno : "")
                + ", DataTime=" + dataTime + ", items=" + items.values() + ", cp=" + printableCpFields() + '}';
    }

    /** CP fields with the CN 1014 new key hidden: keys never reach logs. */
    private Map<String, String> printableCpFields() {
        if (!cpFields.containsKey(Sm4DataArea.NEW_KEY_FIELD)) {
            return cpFields;
        }
        Map<String, String> shown = new LinkedHashMap<>(cpFields);
        shown.put(Sm4DataArea.NEW_KEY_FIELD, "***");
        return shown;
    }

    /** Builds packets, e.g. for the encoder or tests. Not thread-safe. */
    public static final class Builder {
        private String qn;
        private String st;
        private String cn;
        private String pw;
        private String mn;
        private int flag = -1;
        private int pnum;
        private int pno;
        private LocalDateTime dataTime;
        private final Map<String, Map<String, String>> items = new LinkedHashMap<>();
        private final Map<String, String> cpFields = new LinkedHashMap<>();

        private Builder() {}

        public Builder qn(String qn) {
            this.qn = emptyToNull(qn);
            return this;
        }

        public Builder st(String st) {
            this.st = emptyToNull(st);
            return this;
        }

        public Builder cn(String cn) {
            this.cn = emptyToNull(cn);
            return this;
        }

        public Builder pw(String pw) {
            this.pw = emptyToNull(pw);
            return this;
        }

        public Builder mn(String mn) {
            this.mn = emptyToNull(mn);
            return this;
        }

        /** Raw Flag, 0-11 (editions 2005, 2017, 2025). */
        public Builder flag(int flag) {
            if (flag < 0 || Hj212Edition.ofVersionBits(flag >> 2) == null) {
                throw new IllegalArgumentException("Flag must be 0-11, was " + flag);
            }
            this.flag = flag;
            return this;
        }

        /** Flag from edition, split bit (set when {@link #split} was given) and answer bit. */
        public Builder flag(Hj212Edition edition, boolean needsAck) {
            return flag(edition.flag(pnum > 0, needsAck));
        }

        /** No Flag field (HJ/T 212-2005 style). */
        public Builder noFlag() {
            this.flag = -1;
            return this;
        }

        /** PNUM/PNO of a split transfer; {@code (0, 0)} clears them. */
        public Builder split(int pnum, int pno) {
            boolean none = pnum == 0 && pno == 0;
            if (!none && (pnum < 1 || pnum > 9999 || pno < 1 || pno > pnum)) {
                throw new IllegalArgumentException("need 1 <= PNO <= PNUM <= 9999, got " + pno + "/" + pnum);
            }
            this.pnum = pnum;
            this.pno = pno;
            return this;
        }

        /** DataTime, truncated to milliseconds (the wire has at most 17 digits). */
        public Builder dataTime(LocalDateTime dataTime) {
            this.dataTime = dataTime == null ? null : dataTime.truncatedTo(ChronoUnit.MILLIS);
            return this;
        }

        /** Sets one item value; a {@code null} or empty value only registers the item. */
        public Builder item(String code, String suffix, String value) {
            Map<String, String> values = items.computeIfAbsent(requireKey(code), k -> new LinkedHashMap<>());
            requireKey(suffix);
            if (value == null || value.isEmpty()) {
                values.remove(suffix);
            } else {
                values.put(suffix, value);
            }
            return this;
        }

        /** Adds (merges) all values of an item. */
        public Builder item(Hj212Item item) {
            Map<String, String> values = items.computeIfAbsent(item.code(), k -> new LinkedHashMap<>());
            values.putAll(item.values());
            return this;
        }

        /** Removes all items. */
        public Builder clearItems() {
            items.clear();
            return this;
        }

        /** Sets a CP field other than DataTime; a {@code null} or empty value removes it. */
        public Builder cpField(String key, String value) {
            requireKey(key);
            if ("DataTime".equalsIgnoreCase(key)) {
                throw new IllegalArgumentException("use dataTime(..) for DataTime");
            }
            if (value == null || value.isEmpty()) {
                cpFields.remove(key);
            } else {
                cpFields.put(key, value);
            }
            return this;
        }

        /** The packet; MN and CN are required. */
        public Hj212Packet build() {
            if (mn == null) {
                throw new IllegalStateException("MN is required");
            }
            if (cn == null) {
                throw new IllegalStateException("CN is required");
            }
            return new Hj212Packet(this);
        }

        private static String requireKey(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("empty key");
            }
            return key;
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
