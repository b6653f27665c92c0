package org.cems.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.points.EmissionPoints;

/** Emission records as the job writes them: the records of one window of one source together, one point. */
public final class EmissionWindows {
    private EmissionWindows() {}

    public static List<InfluxPoint> points(List<EmissionRecord> records) {
        Map<List<Object>, List<EmissionRecord>> windows = records.stream()
                .collect(Collectors.groupingBy(
                        r -> List.of(r.enterprise, r.source, r.window, r.windowStartMillis),
                        LinkedHashMap::new,
                        Collectors.toList()));
        return windows.values().stream().map(w -> EmissionPoints.point(w, null)).toList();
    }
}
