package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;

/** What one delivery attempt gave: delivered, worth retrying, or refused for good; {@code detail} never holds a secret. */
@Internal
record Outcome(Kind kind, String detail) {
    enum Kind {
        DELIVERED,
        RETRY,
        REFUSED
    }

    static Outcome delivered() {
        return new Outcome(Kind.DELIVERED, "");
    }

    static Outcome retry(String detail) {
        return new Outcome(Kind.RETRY, detail);
    }

    static Outcome refused(String detail) {
        return new Outcome(Kind.REFUSED, detail);
    }
}
