package org.cems.simulator;

import static org.cems.hj212.ParameterCodes.NMHC;
import static org.cems.hj212.ParameterCodes.NOX;
import static org.cems.hj212.ParameterCodes.PARTICULATE;
import static org.cems.hj212.ParameterCodes.SO2;

import java.util.Map;
import org.cems.core.registry.SourceKind;

/**
 * Normal-operation profiles by source kind. The coal-boiler numbers are those of the issue
 * (ultra-low-emission units: SO2 15-30, NOx 30-45, FGD inlet SO2 1500-3000, SCR inlet NOx
 * 300-500); the others are typical of their industries in Inner Mongolia.
 */
final class SourceProfiles {
    /** A 600 MW unit at full load gives about 2.0e6 m3/h standard dry. */
    private static final double COAL_FLOW_M3_PER_HOUR_PER_MW = 2.0e6 / 600.0;

    private static final Range COMBUSTION_MOISTURE_PCT = new Range(8, 12);

    private SourceProfiles() {}

    static SourceProfile forKind(SourceKind kind) {
        return switch (kind) {
            case COAL_BOILER ->
                new SourceProfile(
                        Map.of(SO2, new Range(15, 30), NOX, new Range(30, 45), PARTICULATE, new Range(2, 8)),
                        Map.of(
                                SO2,
                                new Range(1500, 3000),
                                NOX,
                                new Range(300, 500),
                                PARTICULATE,
                                new Range(10000, 20000)),
                        new Range(5, 8),
                        new Range(11, 13),
                        new Range(45, 55),
                        COMBUSTION_MOISTURE_PCT,
                        1.0e6,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            // coke-oven gas is desulphurised before it is burnt, so raw SO2 is low and NOx high
            case COKE_OVEN ->
                new SourceProfile(
                        Map.of(SO2, new Range(10, 25), NOX, new Range(80, 130), PARTICULATE, new Range(3, 10)),
                        Map.of(SO2, new Range(100, 300), NOX, new Range(500, 900), PARTICULATE, new Range(20, 40)),
                        new Range(9, 12),
                        new Range(6, 8),
                        new Range(150, 180),
                        COMBUSTION_MOISTURE_PCT,
                        3.0e5,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            case PROCESS_HEATER ->
                new SourceProfile(
                        Map.of(SO2, new Range(5, 15), NOX, new Range(50, 80), PARTICULATE, new Range(2, 5)),
                        Map.of(SO2, new Range(20, 40), NOX, new Range(120, 200), PARTICULATE, new Range(5, 15)),
                        new Range(3, 5),
                        new Range(8, 10),
                        new Range(130, 170),
                        COMBUSTION_MOISTURE_PCT,
                        1.5e5,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            case GAS_TURBINE ->
                new SourceProfile(
                        Map.of(SO2, new Range(1, 5), NOX, new Range(15, 30), PARTICULATE, new Range(1, 3)),
                        Map.of(SO2, new Range(1, 5), NOX, new Range(50, 80), PARTICULATE, new Range(1, 3)),
                        new Range(14, 16),
                        new Range(3, 4),
                        new Range(90, 120),
                        COMBUSTION_MOISTURE_PCT,
                        1.5e6,
                        7300.0);
            case GAS_BOILER ->
                new SourceProfile(
                        Map.of(SO2, new Range(1, 5), NOX, new Range(20, 45), PARTICULATE, new Range(1, 3)),
                        Map.of(SO2, new Range(1, 5), NOX, new Range(150, 250), PARTICULATE, new Range(1, 3)),
                        new Range(3, 5),
                        new Range(8, 10),
                        new Range(80, 110),
                        COMBUSTION_MOISTURE_PCT,
                        1.0e5,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            case OIL_BOILER ->
                new SourceProfile(
                        Map.of(SO2, new Range(50, 100), NOX, new Range(80, 150), PARTICULATE, new Range(5, 15)),
                        Map.of(SO2, new Range(300, 600), NOX, new Range(200, 350), PARTICULATE, new Range(50, 150)),
                        new Range(3, 5),
                        new Range(11, 13),
                        new Range(120, 150),
                        COMBUSTION_MOISTURE_PCT,
                        1.0e5,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            // vent gas through a thermal oxidiser: NMHC only, no combustion flue gas to speak of
            case PROCESS_VENT ->
                new SourceProfile(
                        Map.of(NMHC, new Range(5, 20)),
                        Map.of(NMHC, new Range(50, 120)),
                        null,
                        null,
                        new Range(60, 90),
                        new Range(1, 3),
                        3.0e4,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
            case OTHER ->
                new SourceProfile(
                        Map.of(
                                SO2,
                                new Range(20, 50),
                                NOX,
                                new Range(50, 100),
                                PARTICULATE,
                                new Range(5, 15),
                                NMHC,
                                new Range(5, 20)),
                        Map.of(
                                SO2,
                                new Range(500, 1500),
                                NOX,
                                new Range(200, 400),
                                PARTICULATE,
                                new Range(1000, 3000),
                                NMHC,
                                new Range(50, 120)),
                        new Range(6, 10),
                        new Range(8, 12),
                        new Range(60, 120),
                        COMBUSTION_MOISTURE_PCT,
                        1.0e5,
                        COAL_FLOW_M3_PER_HOUR_PER_MW);
        };
    }
}
