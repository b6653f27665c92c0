package org.cems.connector.influxdb;

import java.io.IOException;
import org.apache.flink.annotation.PublicEvolving;

/** A write that cannot succeed by waiting: it fails the job, which restarts from its checkpoint. */
@PublicEvolving
public final class InfluxDbWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    public InfluxDbWriteException(String message) {
        super(message);
    }

    public InfluxDbWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
