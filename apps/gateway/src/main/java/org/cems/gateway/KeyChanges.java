package org.cems.gateway;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cems.core.keys.Sm4KeyFile;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Hj212Replies;
import org.cems.hj212.RejectReason;
import org.cems.hj212.Sm4DataArea;
import org.cems.hj212.Sm4KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SM4 key changes by CN 1014 (HJ 212-2025; docs/hj212-2025.md, "Key change"), both ways the public
 * 2025 code has them:
 * <ul>
 *   <li>A logger sends {@code NewSK} inside a 1014 encrypted with its current key: that key is the
 *       MN's from the next frame on.
 *   <li>A logger asks for a new key (a 1014 with {@code SKCreateTime} only, encrypted): answered
 *       9013, then the gateway sends a host 1014 with a random {@code NewSK}, encrypted with the
 *       current key. The new key takes over when the logger confirms it on that connection (9012
 *       with ExeRtn=1 for that QN) or when one of its frames decrypts with it and not with the old
 *       one, whichever comes first.
 *   <li>A 1014 in clear text is refused (9011 QnRtn=2): anyone who knows the MN could send it, and
 *       a key in it could be read on the way. A logger without a key gets its first one by hand.
 * </ul>
 * A changed key is written to the key file when the gateway has one (atomically, owner-only), so
 * it survives a restart; with keys from an environment variable it lives in memory only. Keys
 * never appear in logs. Used on the event loop thread only.
 */
final class KeyChanges {
    private static final Logger LOG = LoggerFactory.getLogger(KeyChanges.class);
    private static final String CN_KEY_CHANGE = "1014";
    private static final String CN_EXECUTION_RESULT = "9012";
    private static final String EXE_RTN_SUCCESS = "1";
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /** A key the gateway sent over {@code via} and the logger has not confirmed yet. */
    private record Pending(String qn, byte[] key, Connection via) {}

    private final Sm4KeyRing ring;
    private final Path file;
    private final Hj212Decoder.Options decoding;
    private final GatewayCounters counters;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new HashMap<>();

    KeyChanges(Sm4KeyRing ring, Path file, Hj212Decoder.Options decoding, GatewayCounters counters) {
        this.ring = ring;
        this.file = file;
        this.decoding = decoding;
        this.counters = counters;
    }

    /** A CN 1014 from a logger, decoded; {@code encrypted}: its data area came SM4-encrypted. */
    void onKeyChange(Connection c, Hj212Packet p, boolean encrypted) {
        boolean carriesKey = p.cpFields().containsKey("NewSK");
        Optional<byte[]> newKey = Sm4DataArea.newKey(p);
        if (!encrypted || (carriesKey && newKey.isEmpty())) {
            // only the holder of the current key can encrypt a 1014: anything else could come from anyone
            counters.keyChangesRefused.incrementAndGet();
            LOG.warn(
                    "MN {} ({}) {}: refused, the key stays as it is{}",
                    p.mn(),
                    c.origin(),
                    !carriesKey
                            ? "asks for a new SM4 key in clear text"
                            : encrypted
                                    ? "sent a new SM4 key that is neither 32 hex digits nor 16 characters"
                                    : "sent a new SM4 key in clear text",
                    ring.keyFor(p.mn()).isEmpty()
                            ? " (it has none: a first key is set by hand in the logger and the key file)"
                            : "");
            c.reply(Hj212Encoder.encode(Hj212Replies.requestAnswer(p, Hj212Replies.QN_REJECTED)));
            return;
        }
        if (p.needsAck()) {
            c.reply(Hj212Encoder.encode(Hj212Replies.notifyAck(p)));
        }
        if (carriesKey) {
            change(p.mn(), newKey.get(), "sent by the logger");
        } else {
            issue(c, p);
        }
    }

    /**
     * A reply from a logger: a 9012 success for the 1014 the gateway sent, on the connection it was
     * sent over (a reply is never encrypted, so its QN alone proves nothing), puts the new key in use.
     */
    void onReply(Connection c, Hj212Packet p) {
        Pending sent = pending.get(p.mn());
        if (sent != null
                && sent.via() == c
                && CN_EXECUTION_RESULT.equals(p.cn())
                && p.qn().filter(sent.qn()::equals).isPresent()
                && EXE_RTN_SUCCESS.equals(p.cpFields().get("ExeRtn"))) {
            pending.remove(p.mn());
            change(p.mn(), sent.key(), "confirmed by the logger");
        }
    }

    /**
     * A frame that did not decrypt with the MN's key: if the gateway sent that MN a new key, the
     * logger may have switched before confirming. The frame decoded with the new key, which then
     * takes over; empty when there is none or it does not decrypt either.
     */
    Optional<List<DecodeResult>> retryWithNewKey(byte[] frame, DecodeResult.Rejected rejected, String mn) {
        Pending sent = mn == null || rejected.reason() != RejectReason.BAD_DECRYPT ? null : pending.get(mn);
        if (sent == null) {
            return Optional.empty();
        }
        byte[] key = sent.key();
        List<DecodeResult> results = Hj212Decoder.builder()
                .crcPolicy(decoding.crcPolicy())
                .maxSegmentBytes(decoding.maxSegmentBytes())
                .sm4(decoding.sm4())
                .sm4Keys(m -> mn.equals(m) ? Optional.of(key) : Optional.empty())
                .build()
                .decode(frame);
        if (results.stream().anyMatch(r -> r instanceof DecodeResult.Rejected)) {
            return Optional.empty();
        }
        pending.remove(mn);
        change(mn, key, "in use by the logger");
        return Optional.of(results);
    }

    /** Sends a new key for an ask that came encrypted, so with the MN's current key. */
    private void issue(Connection c, Hj212Packet ask) {
        byte[] current = ring.keyFor(ask.mn()).orElseThrow();
        byte[] key = new byte[Sm4DataArea.KEY_BYTES];
        random.nextBytes(key);
        LocalDateTime now = LocalDateTime.now();
        String qn = QN.format(now);
        Hj212Packet.Builder set = Hj212Packet.builder()
                .qn(qn)
                .cn(CN_KEY_CHANGE)
                .mn(ask.mn())
                .flag(Hj212Edition.HJ212_2025, true)
                .cpField("SKCreateTime", qn)
                .cpField("NewSK", HexFormat.of().withUpperCase().formatHex(key));
        ask.st().ifPresent(set::st);
        ask.pw().ifPresent(set::pw);
        pending.put(ask.mn(), new Pending(qn, key, c));
        c.reply(Hj212Encoder.encode(set.build(), decoding.sm4(), current));
        LOG.info(
                "MN {} ({}) asked for a new SM4 key: sent (QN {}), in use once the logger confirms it",
                ask.mn(),
                c.origin(),
                qn);
    }

    private void change(String mn, byte[] key, String how) {
        ring.put(mn, key);
        counters.keyChanges.incrementAndGet();
        if (file == null) {
            LOG.info("MN {}: SM4 key changed ({}); kept in memory only, lost when the gateway restarts", mn, how);
            return;
        }
        try {
            Sm4KeyFile.store(file, mn, key);
            LOG.info("MN {}: SM4 key changed ({}), saved to {}", mn, how, file);
        } catch (UncheckedIOException e) {
            LOG.warn(
                    "MN {}: SM4 key changed ({}) but could not be saved: {}; in memory until the gateway restarts",
                    mn,
                    how,
                    e.getMessage());
        }
    }
}
