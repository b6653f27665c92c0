package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default dead letter: a WARN line per message not delivered. */
@Internal
final class LoggingDeliveryFailureHandler implements DeliveryFailureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingDeliveryFailureHandler.class);

    static DeliveryFailureHandler.Factory factory() {
        return context -> new LoggingDeliveryFailureHandler();
    }

    @Override
    public void onFailed(Notification n, String target, String reason, int attempts) {
        LOG.warn(
                "notification {} {} not delivered to {} after {} attempt(s): {}",
                n.id,
                n.state,
                target,
                attempts,
                reason);
    }
}
