package org.cems.connector.mqtt.client;

import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/** A setting that cannot work on this task manager (a missing secret, an unreadable key store). */
@Internal
@ThrowableAnnotation(ThrowableType.NonRecoverableError) // fails the job once: the restart strategy cannot fix settings
public final class SourceConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Set<Integer> REFUSED_SETTINGS = Set.of(0x85, 0x86, 0x87, 0x8A, 0x8C);

    public SourceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceConfigurationException(String message) {
        super(message);
    }

    /**
     * Whether an MQTT 5 CONNACK reason code is about our settings rather than the broker's state:
     * client id not valid, bad user name or password, not authorized, banned, bad authentication method.
     */
    public static boolean refusesSettings(int connackReasonCode) {
        return REFUSED_SETTINGS.contains(connackReasonCode);
    }
}
