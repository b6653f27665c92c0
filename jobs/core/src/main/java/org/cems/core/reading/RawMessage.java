package org.cems.core.reading;

/**
 * A message as it arrived, before decoding: where it came from (for the dead-letter output) and
 * its bytes. Sources emit these so that no payload can fail the job before it is judged.
 */
public class RawMessage {
    /** e.g. {@code kafka:cems.readings/0@42} or {@code mqtt:cems/MN/up}. */
    public String origin;

    public byte[] payload;
    public long receivedMillis;

    public RawMessage() {}

    public RawMessage(String origin, byte[] payload, long receivedMillis) {
        this.origin = origin;
        this.payload = payload;
        this.receivedMillis = receivedMillis;
    }
}
