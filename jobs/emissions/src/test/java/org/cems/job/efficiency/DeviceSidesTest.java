package org.cems.job.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.Test;

/**
 * A point's record goes to each device that names the point for the record's pollutant, on its
 * side: u1-stack is the outlet of the FGD (SO2) and of the SCR (NOx); u1-fgd-in the FGD's inlet.
 */
class DeviceSidesTest {

    @Test
    void aRecordGoesToTheDevicesOfItsPointAndPollutant() throws Exception {
        DeviceSides sides = new DeviceSides(RegistryLoader.load(
                Path.of(getClass().getResource("/registry-devices.yaml").toURI())));
        assertThat(addressed(sides, "power", "u1-stack", "a21026")).containsExactly("u1-fgd outlet");
        assertThat(addressed(sides, "power", "u1-stack", "a21002")).containsExactly("u1-scr outlet");
        assertThat(addressed(sides, "power", "u1-fgd-in", "a21026")).containsExactly("u1-fgd inlet");
        // a pollutant no device of the point treats, a point of no device, another enterprise
        assertThat(addressed(sides, "power", "u1-fgd-in", "a21002")).isEmpty();
        assertThat(addressed(sides, "power", "u9-stack", "a21026")).isEmpty();
        assertThat(addressed(sides, "chemical", "u1-stack", "a21026")).isEmpty();
    }

    private static List<String> addressed(DeviceSides sides, String enterprise, String source, String pollutant) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = enterprise;
        r.source = source;
        r.pollutant = pollutant;
        List<String> out = new ArrayList<>();
        sides.flatMap(r, new Collector<>() {
            @Override
            public void collect(DeviceSide s) {
                assertThat(s.record).isSameAs(r);
                assertThat(s.enterprise).isEqualTo(enterprise);
                out.add(s.device + " " + s.side);
            }

            @Override
            public void close() {}
        });
        return out;
    }
}
