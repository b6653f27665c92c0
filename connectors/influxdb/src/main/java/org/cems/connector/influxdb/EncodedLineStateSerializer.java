package org.cems.connector.influxdb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Writes the lines still buffered at a checkpoint into the writer state, as length + bytes. */
@Internal
final class EncodedLineStateSerializer extends AsyncSinkWriterStateSerializer<EncodedLine> {
    @Override
    protected void serializeRequestToStream(EncodedLine line, DataOutputStream out) throws IOException {
        out.writeInt(line.utf8().length);
        out.write(line.utf8());
    }

    @Override
    protected EncodedLine deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new EncodedLine(utf8);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
