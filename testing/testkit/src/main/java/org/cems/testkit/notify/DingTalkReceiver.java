package org.cems.testkit.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A DingTalk custom robot as the open platform documents it: checks access_token, and for 加签
 * robots that timestamp is within an hour and sign = base64(HmacSHA256(secret, timestamp + "\n" + secret));
 * takes msgtype markdown; refuses more than {@code maxPerWindow} messages in a sliding window with
 * errcode 130101 (DingTalk: 20 per minute). Answers HTTP 200 with errcode/errmsg always, as DingTalk does.
 */
public class DingTalkReceiver extends HttpReceiver {
    public static final int SEND_TOO_FAST = 130101;
    public static final int SIGN_MISMATCH = 310000;

    private final String accessToken;
    private final String secret;
    private final int maxPerWindow;
    private final long windowMs;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final List<ReceivedRequest> messages = new ArrayList<>();
    private int tooFast;
    private int badSignatures;

    public DingTalkReceiver(String accessToken, String secret, int maxPerWindow, Duration window) {
        super("/robot/send");
        this.accessToken = accessToken;
        this.secret = secret;
        this.maxPerWindow = maxPerWindow;
        this.windowMs = window.toMillis();
    }

    @Override
    protected synchronized Answer answer(ReceivedRequest r) {
        if (!accessToken.equals(r.query().get("access_token"))) {
            return errcode(300001, "token is not exist");
        }
        if (!signatureValid(r)) {
            badSignatures++;
            return errcode(SIGN_MISMATCH, "sign not match");
        }
        if (!r.body().contains("\"msgtype\":\"markdown\"")) {
            return errcode(40035, "缺少参数 markdown");
        }
        long now = r.receivedMillis();
        while (!accepted.isEmpty() && accepted.peekFirst() <= now - windowMs) {
            accepted.pollFirst();
        }
        if (accepted.size() >= maxPerWindow) {
            tooFast++;
            return errcode(
                    SEND_TOO_FAST, "send too fast, exceed " + maxPerWindow + " times per " + windowMs / 1000 + "s");
        }
        accepted.addLast(now);
        messages.add(r);
        return errcode(0, "ok");
    }

    private boolean signatureValid(ReceivedRequest r) {
        String timestamp = r.query().get("timestamp");
        String sign = r.query().get("sign");
        if (timestamp == null
                || sign == null
                || Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis()) > 3_600_000) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer errcode(int code, String message) {
        return new Answer(200, "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}");
    }

    /** The messages taken (errcode 0), in order. */
    public synchronized List<ReceivedRequest> messages() {
        return List.copyOf(messages);
    }

    /** How many requests were refused with 130101. */
    public synchronized int tooFastAnswers() {
        return tooFast;
    }

    public synchronized int badSignatures() {
        return badSignatures;
    }
}
