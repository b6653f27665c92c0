package org.cems.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.cems.core.deadletter.DeadLetterMessage;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.CrcVariant;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.HardwareSerial;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Hj212PacketKind;
import org.cems.hj212.Hj212Replies;

/**
 * What happens to each framed input (HJ 212-2017 §6.6, notes §1.3; HJ 212-2025 in
 * docs/hj212-2025.md): station uploads (data, facility status and run time, restarts, site
 * information, and the 2025 electricity, production-condition, raw-data and furnace-temperature
 * uploads) go to Kafka and are answered 9014 once Kafka has them; 2025 heartbeats go there too and
 * are answered 9013 then; notifies get 9013; 2025 registrations (1001) are recorded and get 9013;
 * 2025 key changes (1014) are handled by {@link KeyChanges}; replies and commands are only counted;
 * bad frames, wrong passwords and data areas that do not decrypt become dead letters and get the
 * 9011 QnRtn the standard gives. SM4-encrypted frames reach Kafka decrypted. Called on the event
 * loop thread.
 */
final class FrameRouter {
    /** Site information: a host asks for it and a station uploads it with the same CN (HJ 212-2017 Table 9). */
    private static final String SITE_INFO = "3020";

    private final Hj212Decoder decoder;
    private final Passwords passwords;
    private final KafkaPublisher publisher;
    private final GatewayCounters counters;
    private final Executor eventLoop;
    private final KeyChanges keyChanges;
    private final Registrations registrations;

    FrameRouter(
            Hj212Decoder decoder,
            Passwords passwords,
            KafkaPublisher publisher,
            GatewayCounters counters,
            Executor eventLoop,
            KeyChanges keyChanges,
            Registrations registrations) {
        this.decoder = decoder;
        this.passwords = passwords;
        this.publisher = publisher;
        this.counters = counters;
        this.eventLoop = eventLoop;
        this.keyChanges = keyChanges;
        this.registrations = registrations;
    }

    /** A frame whose CRC matched, as the framer cut it out of the stream. */
    void onFrame(Connection c, byte[] segment, CrcVariant crc, Instant receivedAt) {
        counters.framesIn.incrementAndGet();
        if (crc != CrcVariant.STANDARD) {
            counters.modbusCrcAccepted.incrementAndGet();
        }
        // The frame is passed on with its data segment byte for byte, and with the Appendix A CRC:
        // the job checks the CRC again and by default accepts only that one.
        byte[] frame = Hj212Encoder.frame(segment);
        List<DecodeResult> results = decoder.decode(frame);
        if (results.size() == 1 && results.get(0) instanceof DecodeResult.Rejected rejected) {
            String text = new String(frame, StandardCharsets.UTF_8);
            results = keyChanges
                    .retryWithNewKey(frame, rejected, FrameText.mn(text).orElse(null))
                    .orElse(results);
        }
        for (DecodeResult result : results) {
            if (result instanceof DecodeResult.Decoded decoded) {
                onPacket(c, decoded, frame, receivedAt);
            } else {
                reject(
                        c,
                        (DecodeResult.Rejected) result,
                        new String(frame, StandardCharsets.UTF_8),
                        frame.length,
                        false,
                        receivedAt);
            }
        }
    }

    /** Bytes the framer could not make a frame of (bad CRC, bad length, truncated, garbage ...). */
    void onRejected(Connection c, DecodeResult.Rejected rejected, Instant receivedAt) {
        counters.framesIn.incrementAndGet();
        String excerpt = rejected.rawExcerpt();
        reject(
                c,
                rejected,
                excerpt,
                excerpt.getBytes(StandardCharsets.UTF_8).length,
                excerpt.endsWith("\u2026"),
                receivedAt);
    }

    private void onPacket(Connection c, DecodeResult.Decoded decoded, byte[] frame, Instant receivedAt) {
        Hj212Packet p = decoded.packet();
        counters.frameDecoded(p.cn());
        if (decoded.decrypted()) {
            counters.decrypted.incrementAndGet();
        }
        if (!passwords.accepts(p.mn(), p.pw())) {
            rejectPassword(c, p, frame, receivedAt);
            return;
        }
        if (decoded.decrypted()) {
            // the job reads it without the key: Kafka is inside the platform, SM4 protects the public network
            frame = Hj212Encoder.encode(p);
        }
        if (isStationUpload(p) || p.kind() == Hj212PacketKind.HEARTBEAT) {
            publish(c, p, frame);
            return;
        }
        counters.notReadings.incrementAndGet();
        switch (p.kind()) {
            case NOTIFY -> {
                if (p.needsAck()) {
                    c.reply(Hj212Encoder.encode(Hj212Replies.notifyAck(p)));
                }
            }
            case REGISTRATION -> {
                HardwareSerial.of(p).ifPresent(serial -> registrations.onRegistration(serial, c.origin(), receivedAt));
                if (p.needsAck()) {
                    c.reply(Hj212Encoder.encode(Hj212Replies.notifyAck(p)));
                }
            }
            case KEY_CHANGE -> keyChanges.onKeyChange(c, p, decoded.decrypted());
            case REPLY -> keyChanges.onReply(c, p);
            default -> {
                // commands and CNs this codec does not know are never answered
            }
        }
    }

    /**
     * What a platform keeps of what a station sends (HJ 212-2017 Table 9): data (2011/2051/2061/2031),
     * facility status and run time (2021/2041), data-logger restarts (2081) and site information
     * (3020); from HJ 212-2025 also electricity monitoring (ST=44), key production conditions
     * (ST=45), raw monitoring data (2013) and furnace temperatures (2111). The job reads each and
     * dead-letters what it cannot use.
     */
    private static boolean isStationUpload(Hj212Packet p) {
        return switch (p.kind()) {
            case DATA_UPLOAD,
                    FACILITY_STATUS,
                    RESTART,
                    FACILITY_POWER,
                    PRODUCTION_CONDITION,
                    RAW_DATA,
                    FURNACE_TEMPERATURE -> true;
            case COMMAND -> SITE_INFO.equals(p.cn());
            default -> false;
        };
    }

    private void publish(Connection c, Hj212Packet p, byte[] frame) {
        c.publishStarted();
        long sentNanos = System.nanoTime();
        publisher.publishUpload(p.mn(), frame, error -> {
            if (error == null) {
                counters.kafkaAck.observeNanos(System.nanoTime() - sentNanos);
            }
            eventLoop.execute(() -> onPublished(c, p, error));
        });
    }

    private void onPublished(Connection c, Hj212Packet p, Exception error) {
        c.publishFinished();
        if (error != null) {
            counters.publishFailures.incrementAndGet();
            publisher.logFailure("a frame from " + c.origin() + " (MN " + p.mn() + ")", error);
            return; // no answer: the logger sends the frame again
        }
        counters.published.incrementAndGet();
        if (p.kind() == Hj212PacketKind.HEARTBEAT) {
            counters.heartbeats.incrementAndGet();
        }
        if (p.needsAck()) {
            // a heartbeat is answered as the 2025 code has it: 9013, like a notify
            c.reply(Hj212Encoder.encode(
                    p.kind() == Hj212PacketKind.HEARTBEAT ? Hj212Replies.notifyAck(p) : Hj212Replies.dataAck(p)));
        }
    }

    private void rejectPassword(Connection c, Hj212Packet p, byte[] frame, Instant receivedAt) {
        counters.rejected(DeadLetterReason.BAD_PASSWORD);
        String detail = p.pw().isPresent()
                ? "PW does not match the registry's password for this MN"
                : "no PW, and the registry sets a password for this MN";
        publisher.publishDeadLetter(new DeadLetterMessage(
                DeadLetterReason.BAD_PASSWORD,
                detail,
                c.origin(),
                receivedAt,
                p.mn(),
                new String(frame, StandardCharsets.UTF_8),
                frame.length,
                false));
        if (p.kind() != Hj212PacketKind.REPLY) {
            c.reply(Hj212Encoder.encode(Hj212Replies.requestAnswer(p, Hj212Replies.QN_PW_ERROR)));
        }
    }

    private void reject(
            Connection c,
            DecodeResult.Rejected rejected,
            String payload,
            int payloadBytes,
            boolean payloadTruncated,
            Instant receivedAt) {
        DeadLetterReason reason = DeadLetterReason.of(rejected.reason());
        counters.rejected(reason);
        publisher.publishDeadLetter(new DeadLetterMessage(
                reason,
                rejected.detail(),
                c.origin(),
                receivedAt,
                FrameText.mn(payload).orElse(null),
                payload,
                payloadBytes,
                payloadTruncated));
        if (FrameText.headerComplete(rejected.rawExcerpt())) {
            Hj212Replies.rejection(rejected).ifPresent(answer -> c.reply(Hj212Encoder.encode(answer)));
        }
    }
}
