package org.cems.connector.influxdb;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.cems.connector.base.SerializerTypeInfo;

/** Named by {@code @TypeInfo} on {@link InfluxPoint}: points cross tasks with {@link InfluxPointSerializer}. */
public final class InfluxPointTypeInfoFactory extends TypeInfoFactory<InfluxPoint> {
    @Override
    public TypeInformation<InfluxPoint> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return SerializerTypeInfo.of(InfluxPoint.class, InfluxPointSerializer.INSTANCE);
    }
}
