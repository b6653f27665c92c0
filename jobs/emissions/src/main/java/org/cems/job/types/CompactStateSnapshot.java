package org.cems.job.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Names the format a {@link CompactStateSerializer} wrote. State of the same format restores as
 * it is; state that Flink's POJO serializer wrote (savepoints before these serializers) restores
 * by migration: Flink reads it with the POJO serializer that its snapshot restores and writes it
 * again in this format. Any other state, or a newer format than this build knows, is incompatible,
 * and the restore fails with Flink's message rather than reading bytes it cannot know.
 */
public abstract class CompactStateSnapshot<T> implements TypeSerializerSnapshot<T> {
    private final TypeSerializer<T> serializer;
    private final int current;
    private int format;

    protected CompactStateSnapshot(TypeSerializer<T> serializer, int current) {
        this.serializer = serializer;
        this.current = current;
        this.format = current;
    }

    @Override
    public final int getCurrentVersion() {
        return 1;
    }

    @Override
    public final void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(format);
    }

    @Override
    public final void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
        format = in.readInt();
    }

    @Override
    public final TypeSerializer<T> restoreSerializer() {
        if (format != current) {
            throw new IllegalStateException(serializer.getClass().getSimpleName() + " format " + format
                    + " is not this build's format " + current);
        }
        return serializer;
    }

    @Override
    public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        if (old.getClass() == getClass()) {
            return ((CompactStateSnapshot<T>) old).format == current
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
        return old instanceof PojoSerializerSnapshot
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
