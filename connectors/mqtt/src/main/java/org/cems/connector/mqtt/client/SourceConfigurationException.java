package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;

/** A setting that cannot work on this task manager (a missing secret, an unreadable key store). */
@Internal
public final class SourceConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceConfigurationException(String message) {
        super(message);
    }
}
