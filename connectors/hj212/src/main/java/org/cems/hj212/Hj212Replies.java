package org.cems.hj212;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers the monitoring centre sends back (HJ 212-2017 §6.6 and Appendix C; notes §1.3):
 * 9014 data answer to uploads with Flag bit A, 9013 notify answer, 9011 request answer with QnRtn.
 *
 * <p>2017/2025 answers carry the request's QN in the header, ST=91 and Flag with only the version
 * bits (Flag=4 for 2017, Appendix C). HJ/T 212-2005 answers carry no header QN: the QN goes into
 * CP ({@code CP=&&QN=...;QnRtn=1&&}), Flag=0, and only QnRtn 1-3 exist.
 */
public final class Hj212Replies {

    /** QnRtn values (2017 Table 7). */
    public static final int QN_READY = 1;

    public static final int QN_REJECTED = 2;
    public static final int QN_PW_ERROR = 3;
    public static final int QN_MN_ERROR = 4;
    public static final int QN_ST_ERROR = 5;
    public static final int QN_FLAG_ERROR = 6;
    public static final int QN_QN_ERROR = 7;
    public static final int QN_CN_ERROR = 8;
    public static final int QN_CRC_ERROR = 9;

    private static final String ST_INTERACTION = "91";

    private Hj212Replies() {}

    /** 9014 data answer to an upload (send it when {@link Hj212Packet#needsAck()}); Table C.50. */
    public static Hj212Packet dataAck(Hj212Packet request) {
        return answer(
                request.edition(), request.qn().orElse(null), request.pw().orElse(null), request.mn(), "9014", null);
    }

    /** 9013 notify answer (e.g. to 2012, 2022, 1013). */
    public static Hj212Packet notifyAck(Hj212Packet request) {
        return answer(
                request.edition(), request.qn().orElse(null), request.pw().orElse(null), request.mn(), "9013", null);
    }

    /**
     * 9011 request answer with a QnRtn (Table 7), e.g. {@link #QN_MN_ERROR} for an MN the
     * registry does not know. 2005 knows only 1-3; other codes are sent as 2 (rejected) there.
     */
    public static Hj212Packet requestAnswer(Hj212Packet request, int qnRtn) {
        return answer(
                request.edition(), request.qn().orElse(null), request.pw().orElse(null), request.mn(), "9011", qnRtn);
    }

    /**
     * 9011 answer to a rejected frame, when the frame's QN and MN can still be read from the
     * excerpt: QnRtn=9 for a CRC error, 8 for a missing CN, 6 for a bad Flag, 2 for other content
     * errors. Empty for input that is not a readable frame (garbage, truncation, split expiry).
     * The standard says processing ends on a CRC error; whether to answer is the caller's policy.
     */
    public static Optional<Hj212Packet> rejection(DecodeResult.Rejected rejected) {
        OptionalInt code = qnRtn(rejected.reason());
        String raw = rejected.rawExcerpt();
        if (code.isEmpty() || !raw.startsWith("##")) {
            return Optional.empty();
        }
        Map<String, String> header = readHeader(raw.substring(Math.min(raw.length(), 6)));
        String qn = header.get("QN");
        String mn = header.get("MN");
        if (qn == null || mn == null) {
            return Optional.empty();
        }
        Hj212Edition edition = Hj212Edition.HJ212_2017;
        String flag = header.get("FLAG");
        if (flag == null) {
            edition = Hj212Edition.HJT212_2005;
        } else if (flag.matches("\\d{1,3}")) {
            Hj212Edition e = Hj212Edition.ofVersionBits(Integer.parseInt(flag) >> 2);
            edition = e == null ? edition : e;
        }
        return Optional.of(answer(edition, qn, header.get("PW"), mn, "9011", code.getAsInt()));
    }

    /** The QnRtn a rejection is answered with, or empty when it is not answered. */
    public static OptionalInt qnRtn(RejectReason reason) {
        return switch (reason) {
            case BAD_CRC -> OptionalInt.of(QN_CRC_ERROR);
            case MISSING_CN -> OptionalInt.of(QN_CN_ERROR);
            case BAD_FLAG -> OptionalInt.of(QN_FLAG_ERROR);
            case MISSING_MN -> OptionalInt.of(QN_MN_ERROR);
            case BAD_HEADER, BAD_LENGTH, FRAME_TOO_LONG, BAD_DATATIME, BAD_CP, BAD_SPLIT, NO_KEY, BAD_DECRYPT ->
                OptionalInt.of(QN_REJECTED);
            case TRUNCATED, SPLIT_TIMEOUT, SPLIT_EVICTED, SPLIT_TOO_LARGE, INTERNAL_ERROR -> OptionalInt.empty();
        };
    }

    private static Hj212Packet answer(Hj212Edition edition, String qn, String pw, String mn, String cn, Integer qnRtn) {
        Hj212Packet.Builder b =
                Hj212Packet.builder().st(ST_INTERACTION).cn(cn).pw(pw).mn(mn).flag(edition.flag(false, false));
        if (edition == Hj212Edition.HJT212_2005) {
            b.cpField("QN", qn);
            if (qnRtn != null) {
                b.cpField("QnRtn", String.valueOf(qnRtn <= QN_PW_ERROR ? qnRtn : QN_REJECTED));
            }
        } else {
            b.qn(qn);
            if (qnRtn != null) {
                b.cpField("QnRtn", String.valueOf(qnRtn));
            }
        }
        return b.build();
    }

    /** Best-effort header read from an excerpt: fields before CP, split on ';' or ','. */
    private static Map<String, String> readHeader(String segmentStart) {
        Map<String, String> out = new LinkedHashMap<>();
        int cp = segmentStart.toUpperCase(Locale.ROOT).indexOf("CP=&&");
        String header = cp >= 0 ? segmentStart.substring(0, cp) : segmentStart;
        for (String token : header.split("[;,]")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = token.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = token.substring(eq + 1).trim();
            if (!value.isEmpty() && value.length() <= 64 && value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                out.put(name, value); // repeated fields: last wins, as in the decoder
            }
        }
        return out;
    }
}
