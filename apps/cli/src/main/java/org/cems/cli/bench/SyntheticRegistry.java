package org.cems.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deterministic registry of S synthetic monitoring points, four per enterprise: a 600 MW
 * coal-boiler stack with limits, its FGD inlet (a device, so efficiency runs), a gas-boiler stack
 * and an "other" stack. Source i always has the same id and MN.
 */
final class SyntheticRegistry {
    private SyntheticRegistry() {}

    static String mn(int index) {
        return String.format("150621B%017d", index);
    }

    static Path write(Path file, int sources) {
        StringBuilder y = new StringBuilder(sources * 160);
        y.append("# cems bench: ").append(sources).append(" synthetic monitoring points (deterministic)\n");
        y.append("city: Bench\ntimezone: Asia/Shanghai\nbaseline_year: 2023\nenterprises:\n");
        for (int e = 0; e * 4 < sources; e++) {
            String id = String.format("e%06d", e);
            y.append("  - id: ")
                    .append(id)
                    .append("\n    name: bench ")
                    .append(id)
                    .append("\n    park: p")
                    .append(e % 20)
                    .append("\n    industry: thermal_power\n    sources:\n");
            int first = e * 4;
            int count = Math.min(4, sources - first);
            for (int k = 0; k < count; k++) {
                int i = first + k;
                y.append("      - {id: ")
                        .append(id)
                        .append('-')
                        .append(k)
                        .append(", mn: \"")
                        .append(mn(i))
                        .append('"');
                switch (k) {
                    case 0 ->
                        y.append(
                                ", kind: coal_boiler, capacity_mw: 600, units: {a00000: m3/h}, limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}}\n");
                    case 1 -> y.append(", kind: coal_boiler, role: inlet, units: {a00000: m3/h}}\n");
                    case 2 -> y.append(", kind: gas_boiler, units: {a00000: m3/h}, limits_mg_m3: {a21002: 50}}\n");
                    default -> y.append(", kind: other, units: {a00000: m3/h}}\n");
                }
            }
            if (count >= 2) {
                y.append("    devices:\n      - {id: ")
                        .append(id)
                        .append("-fgd, type: fgd, pollutant: a21026, inlet: ")
                        .append(id)
                        .append("-1, outlet: ")
                        .append(id)
                        .append("-0}\n");
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, y);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }
}
