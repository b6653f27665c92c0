package org.cems.job.types;

import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.normalize.SourceReading;

/** Type information of the records that cross the job's operators. */
public final class JobTypes {
    /** Readings between the job's operators. */
    public static final SerializerTypeInfo<SourceReading> SOURCE_READING =
            SerializerTypeInfo.of(SourceReading.class, SourceReadingSerializer.INSTANCE);

    private JobTypes() {}
}
