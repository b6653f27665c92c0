package org.cems.job.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.junit.jupiter.api.Test;

/** A reading is one point: the tags of its MN and CN, four fields per code as reported. */
class ReadingPointsTest {
    @Test
    void oneReadingIsOnePointWithAFieldSetPerCode() throws Exception {
        SourceReading r = reading();
        r.reported.put("a21026", new Measure(23.1, 28.4, true, "N"));
        r.reported.put("a19001", new Measure(7.2, null, false, "D"));
        // the normalised values (dry, standard state) are the windows', not the reading point's
        r.measures.put("a21026", new Measure(25.0, 30.0, true, "N"));

        List<InfluxPoint> points = points(r);

        assertThat(points).hasSize(1);
        InfluxPoint p = points.get(0);
        assertThat(p.measurement()).isEqualTo("reading");
        assertThat(p.tags()).isEqualTo(Map.of("enterprise", "e1", "source", "u1-stack", "mn", "MN1", "cn", "2011"));
        assertThat(p.fields())
                .isEqualTo(Map.of(
                        "a21026",
                        23.1,
                        "a21026_zs",
                        28.4,
                        "a21026_flag",
                        "N",
                        "a21026_valid",
                        true,
                        "a19001",
                        7.2,
                        "a19001_flag",
                        "D",
                        "a19001_valid",
                        false,
                        "value_count",
                        2L));
        assertThat(p.timeMillis()).isEqualTo(1_795_658_400_000L);
    }

    @Test
    void aReadingWithNoReportedValueHasNoPoint() throws Exception {
        assertThat(points(reading())).isEmpty();
    }

    private static SourceReading reading() {
        SourceReading r = new SourceReading();
        r.enterprise = "e1";
        r.source = "u1-stack";
        r.mn = "MN1";
        r.cn = "2011";
        r.timeMillis = 1_795_658_400_000L;
        return r;
    }

    private static List<InfluxPoint> points(SourceReading r) throws Exception {
        List<InfluxPoint> out = new ArrayList<>();
        new ReadingPoints().flatMap(r, new ListCollector<>(out));
        return out;
    }
}
