package org.cems.job.emission;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.cems.job.carbon.CarbonRecord;

/**
 * One window of one source as the windows emit it: its pollutants' records and its carbon figures,
 * either of them possibly absent, so that one {@code emission} point carries both. Written as two
 * points of the same series and time, they were two lines for InfluxDB to parse and index; at
 * 100,000 sources InfluxDB is what the job waits for (docs/benchmark.md).
 */
@TypeInfo(SourceWindow.Factory.class)
public class SourceWindow {
    /** The window's pollutants, each with its figures; empty where it has none. */
    public List<EmissionRecord> records = new ArrayList<>();
    /** Null where the source sends neither CO2 nor load. */
    public CarbonRecord carbon;

    public SourceWindow() {}

    public SourceWindow(List<EmissionRecord> records, CarbonRecord carbon) {
        this.records = records;
        this.carbon = carbon;
    }

    /** A Flink POJO whose list is serialised as a list of records (not by Kryo). */
    public static class Factory extends TypeInfoFactory<SourceWindow> {
        @Override
        public TypeInformation<SourceWindow> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Types.POJO(
                    SourceWindow.class,
                    Map.of(
                            "records",
                            new ListTypeInfo<>(EmissionRecord.class),
                            "carbon",
                            TypeInformation.of(CarbonRecord.class)));
        }
    }
}
