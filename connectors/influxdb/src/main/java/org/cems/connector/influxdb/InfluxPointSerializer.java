package org.cems.connector.influxdb;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes an {@link InfluxPoint} as its arrays: measurement, tag pairs, field pairs with a one-byte
 * value type, time. Points are immutable, so copies are the point itself.
 */
public final class InfluxPointSerializer extends TypeSerializerSingleton<InfluxPoint> {
    public static final InfluxPointSerializer INSTANCE = new InfluxPointSerializer();
    private static final long serialVersionUID = 1L;

    private static final byte DOUBLE = 0;
    private static final byte LONG = 1;
    private static final byte BOOLEAN = 2;
    private static final byte STRING = 3;

    private InfluxPointSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    /** Flink asks for an instance to reuse; a point is immutable, so this one is never filled. */
    @Override
    public InfluxPoint createInstance() {
        return new InfluxPoint("", new String[0], new String[0], new String[0], new Object[0], 0L);
    }

    @Override
    public InfluxPoint copy(InfluxPoint from) {
        return from;
    }

    @Override
    public InfluxPoint copy(InfluxPoint from, InfluxPoint reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(InfluxPoint p, DataOutputView out) throws IOException {
        out.writeUTF(p.measurement());
        out.writeShort(p.tagCount());
        for (int i = 0; i < p.tagCount(); i++) {
            out.writeUTF(p.tagKey(i));
            out.writeUTF(p.tagValue(i));
        }
        out.writeShort(p.fieldCount());
        for (int i = 0; i < p.fieldCount(); i++) {
            out.writeUTF(p.fieldKey(i));
            writeValue(p.fieldValue(i), out);
        }
        out.writeLong(p.timeMillis());
    }

    @Override
    public InfluxPoint deserialize(DataInputView in) throws IOException {
        String measurement = in.readUTF();
        int tags = in.readShort();
        String[] tagKeys = new String[tags];
        String[] tagValues = new String[tags];
        for (int i = 0; i < tags; i++) {
            tagKeys[i] = in.readUTF();
            tagValues[i] = in.readUTF();
        }
        int fields = in.readShort();
        String[] fieldKeys = new String[fields];
        Object[] fieldValues = new Object[fields];
        for (int i = 0; i < fields; i++) {
            fieldKeys[i] = in.readUTF();
            fieldValues[i] = readValue(in);
        }
        return new InfluxPoint(measurement, tagKeys, tagValues, fieldKeys, fieldValues, in.readLong());
    }

    @Override
    public InfluxPoint deserialize(InfluxPoint reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<InfluxPoint> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeValue(Object value, DataOutputView out) throws IOException {
        if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else {
            out.writeByte(STRING);
            out.writeUTF((String) value);
        }
    }

    private static Object readValue(DataInputView in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case DOUBLE -> in.readDouble();
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case STRING -> in.readUTF();
            default ->
                throw new IOException(
                        "unknown InfluxPoint field type " + type + ": stream is corrupt or from another serializer");
        };
    }

    /** Version 1 of the format above; a change of format is a new version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<InfluxPoint> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
