package org.cems.connector.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * What a writer has of each target + id + state: pending (accepted, not yet delivered or
 * dead-lettered) or delivered (when). A message already pending or delivered is not accepted again;
 * delivered keys are forgotten after the retention. Task thread only.
 */
@Internal
final class DeliveryLedger {
    private final Map<String, PendingDelivery> pending = new LinkedHashMap<>();
    /** Insertion order is delivery order. */
    private final Map<String, Long> deliveredAtMillis = new LinkedHashMap<>();

    private final List<PendingDelivery> recoveredPending = new ArrayList<>();

    DeliveryLedger(Collection<NotifyWriterState> recovered) {
        for (NotifyWriterState state : recovered) {
            deliveredAtMillis.putAll(state.deliveredAtMillis());
            recoveredPending.addAll(state.pending());
        }
    }

    /** What was pending at the checkpoint restored from: to be accepted and sent again. */
    List<PendingDelivery> recoveredPending() {
        return recoveredPending;
    }

    /** True when the message is new for this target, and now pending; false for a duplicate. */
    boolean accept(String target, Notification n) {
        String key = PendingDelivery.key(target, n);
        if (deliveredAtMillis.containsKey(key) || pending.containsKey(key)) {
            return false;
        }
        pending.put(key, new PendingDelivery(target, n));
        return true;
    }

    void delivered(String target, Notification n, long nowMillis) {
        String key = PendingDelivery.key(target, n);
        pending.remove(key);
        deliveredAtMillis.put(key, nowMillis);
    }

    /** Dead-lettered: no longer pending, and not remembered as delivered. */
    void abandoned(String target, Notification n) {
        pending.remove(PendingDelivery.key(target, n));
    }

    int pendingCount() {
        return pending.size();
    }

    NotifyWriterState snapshot(long nowMillis, Duration retention) {
        long oldestKept = nowMillis - retention.toMillis();
        deliveredAtMillis.values().removeIf(at -> at < oldestKept);
        return new NotifyWriterState(new ArrayList<>(pending.values()), new LinkedHashMap<>(deliveredAtMillis));
    }
}
