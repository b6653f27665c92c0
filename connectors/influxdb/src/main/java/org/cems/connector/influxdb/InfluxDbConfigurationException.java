package org.cems.connector.influxdb;

import java.io.IOException;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * The server refused the sink's settings (credentials, database, retention policy, bucket, endpoint):
 * waiting or restarting cannot fix it, so Flink fails the job at once instead of restarting it
 * ({@link ThrowableType#NonRecoverableError} bypasses the restart strategy).
 */
@PublicEvolving
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class InfluxDbConfigurationException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean targetMissing;

    public InfluxDbConfigurationException(String message, boolean targetMissing) {
        super(message);
        this.targetMissing = targetMissing;
    }

    /** True when the database, retention policy or bucket does not exist (credentials and endpoint were fine). */
    public boolean targetMissing() {
        return targetMissing;
    }
}
