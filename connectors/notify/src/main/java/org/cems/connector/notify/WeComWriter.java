package org.cems.connector.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * WeCom group robot (群机器人): {@code msgtype: markdown} with {@code content}. WeCom answers HTTP 200
 * with {@code errcode}: 0 is sent, 45009 "api freq out of limit" is worth retrying later.
 */
@Internal
final class WeComWriter implements TargetWriter {
    static final int FREQUENCY_OUT_OF_LIMIT = 45009;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String key;
    private final NotificationText text;
    private final HttpPoster http;

    WeComWriter(URI url, String key, NotificationText text, HttpPoster http) {
        this.url = url;
        this.key = key;
        this.text = text;
        this.http = http;
    }

    String body(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("msgtype", "markdown");
        o.putObject("markdown").put("content", text.markdown(n));
        return o.toString();
    }

    @Override
    public Outcome send(Notification n) throws InterruptedException {
        try {
            URI withKey = URI.create(url + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
            return DingTalkWriter.robotAnswer(http.post(withKey, body(n), Map.of()), FREQUENCY_OUT_OF_LIMIT);
        } catch (IOException e) {
            return HttpPoster.networkFailure(e);
        }
    }
}
