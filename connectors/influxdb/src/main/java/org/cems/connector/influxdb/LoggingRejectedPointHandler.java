package org.cems.connector.influxdb;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default dead letter: a WARN log line per rejected point, the point cut to keep logs usable.
 * The line holds only point data and the message only the server's words, never a credential.
 */
@PublicEvolving
public final class LoggingRejectedPointHandler implements RejectedPointHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingRejectedPointHandler.class);
    private static final int MAX_LOGGED_CHARS = 1024;

    public static RejectedPointHandler.Factory factory() {
        return (WriterInitContext context) -> new LoggingRejectedPointHandler();
    }

    @Override
    public void onRejected(String line, String serverMessage) {
        LOG.warn("InfluxDB rejected a point ({}): {}", serverMessage, cut(line));
    }

    private static String cut(String line) {
        return line.length() <= MAX_LOGGED_CHARS ? line : line.substring(0, MAX_LOGGED_CHARS) + "…";
    }
}
