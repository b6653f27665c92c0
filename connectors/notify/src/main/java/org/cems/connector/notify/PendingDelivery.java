package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;

/** A message accepted for one target and not yet delivered or dead-lettered. */
@Internal
record PendingDelivery(String target, Notification notification) {
    /** Target, id and state: what de-duplication keys on. */
    String key() {
        return key(target, notification);
    }

    static String key(String target, Notification n) {
        return target + "|" + n.dedupKey();
    }
}
