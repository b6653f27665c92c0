package org.cems.testkit.notify;

import java.util.ArrayList;
import java.util.List;

/** A WeCom group robot: checks the key, takes msgtype markdown, answers errcode/errmsg with HTTP 200 as WeCom does. */
public class WeComReceiver extends HttpReceiver {
    private final String key;
    private final List<ReceivedRequest> messages = new ArrayList<>();

    public WeComReceiver(String key) {
        super("/cgi-bin/webhook/send");
        this.key = key;
    }

    @Override
    protected synchronized Answer answer(ReceivedRequest r) {
        if (!key.equals(r.query().get("key"))) {
            return new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
        }
        if (!r.body().contains("\"msgtype\":\"markdown\"")) {
            return new Answer(200, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}");
        }
        messages.add(r);
        return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    public synchronized List<ReceivedRequest> messages() {
        return List.copyOf(messages);
    }
}
