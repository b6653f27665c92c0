package org.cems.connector.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * DingTalk custom robot (自定义机器人): {@code msgtype: markdown}. Signing (DingTalk open platform,
 * 自定义机器人安全设置 加签): sign = urlencode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret))),
 * sent as the {@code timestamp} (ms) and {@code sign} query parameters. DingTalk answers HTTP 200
 * with {@code errcode}: 0 is sent, 130101 is "send too fast" (worth retrying later), any other
 * (310000 wrong signature or keyword, 300001 bad token) would fail again.
 */
@Internal
final class DingTalkWriter implements TargetWriter {
    static final int SEND_TOO_FAST = 130101;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String accessToken;
    private final String secret;
    private final NotificationText text;
    private final HttpPoster http;

    DingTalkWriter(URI url, String accessToken, String secret, NotificationText text, HttpPoster http) {
        this.url = url;
        this.accessToken = accessToken;
        this.secret = secret;
        this.text = text;
        this.http = http;
    }

    static String sign(long timestampMillis, String secret) {
        byte[] mac = Hmac.sha256(secret, timestampMillis + "\n" + secret);
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    String body(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("msgtype", "markdown");
        ObjectNode markdown = o.putObject("markdown");
        markdown.put("title", text.title(n));
        markdown.put("text", text.markdown(n));
        return o.toString();
    }

    @Override
    public Outcome send(Notification n) throws InterruptedException {
        StringBuilder query =
                new StringBuilder("access_token=").append(URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
        if (secret != null) {
            long now = System.currentTimeMillis();
            query.append("&timestamp=").append(now).append("&sign=").append(sign(now, secret));
        }
        try {
            HttpResponse<String> response = http.post(URI.create(url + "?" + query), body(n), Map.of());
            return robotAnswer(response, SEND_TOO_FAST);
        } catch (IOException e) {
            return HttpPoster.networkFailure(e);
        }
    }

    /** DingTalk's and WeCom's answers: HTTP 200 with errcode 0, or an errcode that may pass ({@code retryCode}) or not. */
    static Outcome robotAnswer(HttpResponse<String> response, int retryCode) {
        Outcome byStatus = HttpPoster.byStatus(response);
        if (byStatus.kind() != Outcome.Kind.DELIVERED) {
            return byStatus;
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            int code = answer.path("errcode").asInt(-1);
            if (code == 0) {
                return Outcome.delivered();
            }
            String detail = "errcode " + code + " "
                    + HttpPoster.abbreviate(answer.path("errmsg").asText());
            return code == retryCode ? Outcome.retry(detail) : Outcome.refused(detail);
        } catch (IOException e) {
            return Outcome.refused("not a robot answer: " + HttpPoster.abbreviate(response.body()));
        }
    }
}
