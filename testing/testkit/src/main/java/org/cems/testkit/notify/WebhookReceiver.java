package org.cems.testkit.notify;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A generic webhook endpoint: answers 200, or the statuses scripted with {@link #failNext} first
 * (e.g. one 500 to show a retry).
 */
public class WebhookReceiver extends HttpReceiver {
    private final Deque<Integer> scripted = new ArrayDeque<>();

    public WebhookReceiver() {
        super("/hook");
    }

    /** The next requests get these statuses, in order; then 200 again. */
    public synchronized WebhookReceiver failNext(int... statuses) {
        for (int s : statuses) {
            scripted.addLast(s);
        }
        return this;
    }

    @Override
    protected synchronized Answer answer(ReceivedRequest request) {
        Integer status = scripted.pollFirst();
        return status == null
                ? new Answer(200, "{\"ok\":true}")
                : new Answer(status, "{\"error\":\"scripted " + status + "\"}");
    }
}
