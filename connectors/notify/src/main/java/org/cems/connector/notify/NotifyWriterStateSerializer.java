package org.cems.connector.notify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Pending messages field by field, then the delivered keys with their times; strings as length + UTF-8, null as -1. */
@Internal
final class NotifyWriterStateSerializer implements SimpleVersionedSerializer<NotifyWriterState> {
    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(NotifyWriterState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.pending().size());
            for (PendingDelivery p : state.pending()) {
                Notification n = p.notification();
                for (String s : new String[] {
                    p.target(),
                    n.id,
                    n.state,
                    n.severity,
                    n.type,
                    n.enterprise,
                    n.enterpriseName,
                    n.source,
                    n.title,
                    n.message
                }) {
                    writeString(out, s);
                }
                out.writeLong(n.timeMillis);
            }
            out.writeInt(state.deliveredAtMillis().size());
            for (Map.Entry<String, Long> e : state.deliveredAtMillis().entrySet()) {
                writeString(out, e.getKey());
                out.writeLong(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public NotifyWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("unknown notify writer state version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int pendingCount = in.readInt();
            List<PendingDelivery> pending = new ArrayList<>(pendingCount);
            for (int i = 0; i < pendingCount; i++) {
                String target = readString(in);
                Notification n = new Notification();
                n.id = readString(in);
                n.state = readString(in);
                n.severity = readString(in);
                n.type = readString(in);
                n.enterprise = readString(in);
                n.enterpriseName = readString(in);
                n.source = readString(in);
                n.title = readString(in);
                n.message = readString(in);
                n.timeMillis = in.readLong();
                pending.add(new PendingDelivery(target, n));
            }
            int deliveredCount = in.readInt();
            Map<String, Long> delivered = new LinkedHashMap<>();
            for (int i = 0; i < deliveredCount; i++) {
                delivered.put(readString(in), in.readLong());
            }
            return new NotifyWriterState(pending, delivered);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
