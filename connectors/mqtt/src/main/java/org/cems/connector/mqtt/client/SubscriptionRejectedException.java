package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/** The broker refused a subscription: a configuration error that retrying will not fix. */
@Internal
@ThrowableAnnotation(ThrowableType.NonRecoverableError) // fails the job once: the restart strategy cannot fix settings
public final class SubscriptionRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SubscriptionRejectedException(String filter, int reasonCode) {
        super("broker refused subscription to " + filter + " with reason code 0x" + Integer.toHexString(reasonCode)
                + " (0x87 not authorized, 0x8F invalid filter, 0x9E shared subscriptions not supported)");
    }
}
