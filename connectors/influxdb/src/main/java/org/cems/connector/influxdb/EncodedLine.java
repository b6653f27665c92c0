package org.cems.connector.influxdb;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;

/** One point as a line of line protocol in UTF-8, without the newline: what the sink buffers. */
@Internal
public final class EncodedLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] utf8;

    EncodedLine(byte[] utf8) {
        this.utf8 = utf8;
    }

    static EncodedLine of(String line) {
        return new EncodedLine(line.getBytes(StandardCharsets.UTF_8));
    }

    byte[] utf8() {
        return utf8;
    }

    /** The bytes this line takes in a request body, its newline included. */
    int sizeInBytes() {
        return utf8.length + 1;
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
