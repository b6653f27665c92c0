package org.cems.core.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cems.core.reading.StationUploads;
import org.cems.hj212.Hj2025Codes;
import org.cems.hj212.ParameterCatalogue;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads a registry YAML file and checks it whole, reporting every problem with its place. */
public final class RegistryLoader {
    /**
     * SnakeYAML stops at 3 MB by default; a province's registry (100,000 sources is about 17 MB)
     * is larger. The file is the operator's own, so the limit guards against mistakes only.
     */
    static final int MAX_REGISTRY_CHARS = 256 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(
                    YAMLFactory.builder().loaderOptions(loaderOptions()).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The message for a registry with the single-target shape of earlier versions, or a target not under a year. */
    static final String TARGETS_BY_YEAR =
            "targets: give the plan's targets by year, e.g. targets: {2024: {nox_reduction_t: 200},"
                    + " 2026: {nox_reduction_t: 923, vocs_reduction_t: 553, equipment_efficiency_gain_pct: 10, coal_rate_net_gce_kwh: 290}};"
                    + " a registry with one set of targets for every year (targets: {nox_reduction_t: 923, ...}) moves them under the year they are for";
    /** The names a year's targets may have: the KPI indicators the job writes a target for. */
    private static final Set<String> INDICATOR_TARGETS = indicatorTargets();

    private static final Set<Integer> MONTHS =
            IntStream.rangeClosed(1, 12).boxed().collect(Collectors.toUnmodifiableSet());

    private RegistryLoader() {}

    private static Set<String> indicatorTargets() {
        Set<String> names =
                new TreeSet<>(List.of(Targets.EQUIPMENT_EFFICIENCY_GAIN_PCT, Targets.COAL_RATE_NET_GCE_KWH));
        ParameterCatalogue.standard().all().stream()
                .filter(p -> p.indicator() != null)
                .forEach(p -> names.add(Targets.reduction(p.indicator())));
        return names;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_REGISTRY_CHARS);
        return options;
    }

    public static Registry load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Registry registry = parse(in, file.toString());
            resolvePasswordFiles(registry, file.toAbsolutePath().getParent());
            return registry;
        } catch (IOException e) {
            throw new RegistryException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    public static Registry parse(InputStream in, String name) {
        Registry registry;
        try {
            registry = YAML.readValue(in, Registry.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RegistryException(
                    name,
                    List.of(e.getPathReference().replace("org.cems.core.registry.", "") + ": unknown key \""
                            + e.getPropertyName() + "\""));
        } catch (JsonMappingException e) {
            if (!e.getPath().isEmpty() && "targets".equals(e.getPath().get(0).getFieldName())) {
                throw new RegistryException(
                        name,
                        List.of(TARGETS_BY_YEAR
                                + (e.getLocation() == null
                                        ? ""
                                        : " (line " + e.getLocation().getLineNr() + ")")));
            }
            throw new RegistryException(
                    name,
                    List.of(e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new RegistryException(name, List.of("not valid YAML: " + e.getMessage()));
        }
        if (registry == null) {
            throw new RegistryException(name, List.of("the file is empty"));
        }
        inheritSite(registry);
        List<String> problems = validate(registry);
        if (!problems.isEmpty()) {
            throw new RegistryException(name, problems);
        }
        return registry;
    }

    /** A source's password_file relative to the registry's folder. */
    private static void resolvePasswordFiles(Registry r, Path folder) {
        for (SourceRef ref : r.allSources()) {
            Source s = ref.source();
            if (s.passwordFile != null && !Path.of(s.passwordFile).isAbsolute()) {
                s.passwordFile = folder.resolve(s.passwordFile).normalize().toString();
            }
        }
    }

    /** A source without its own site pressure or altitude takes its enterprise's. */
    static void inheritSite(Registry r) {
        for (Enterprise e : r.enterprises) {
            for (Source s : e.sources) {
                if (s.ambientPressureKpa == null && s.altitudeM == null) {
                    s.ambientPressureKpa = e.ambientPressureKpa;
                    s.altitudeM = e.altitudeM;
                }
            }
        }
    }

    static List<String> validate(Registry r) {
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(r.timezone);
        } catch (DateTimeException | NullPointerException e) {
            problems.add("timezone: unknown zone \"" + r.timezone + "\"");
        }
        validatePlan(r, problems);
        if (r.enterprises.isEmpty()) {
            problems.add("enterprises: none defined");
        }
        Map<String, String> mnAt = new HashMap<>();
        Set<String> enterpriseIds = new HashSet<>();
        for (int i = 0; i < r.enterprises.size(); i++) {
            Enterprise e = r.enterprises.get(i);
            String at = "enterprises[" + i + "]";
            if (blank(e.id)) {
                problems.add(at + ": missing id");
            } else if (!enterpriseIds.add(e.id)) {
                problems.add(at + ": duplicate enterprise id \"" + e.id + "\"");
            }
            validateBaselines(e, at, problems);
            validatePosition(e, at, problems);
            Set<String> sourceIds = new HashSet<>();
            for (int j = 0; j < e.sources.size(); j++) {
                validateSource(e.sources.get(j), at + ".sources[" + j + "]", sourceIds, mnAt, problems);
                resolveStopSchedule(e.sources.get(j), at + ".sources[" + j + "]", zone, problems);
            }
            Map<String, Source> sourcesById = new HashMap<>();
            e.sources.forEach(s -> sourcesById.putIfAbsent(s.id, s));
            Set<String> deviceIds = new HashSet<>();
            for (int j = 0; j < e.devices.size(); j++) {
                validateDevice(e.devices.get(j), at + ".devices[" + j + "]", sourcesById, deviceIds, problems);
            }
            for (int j = 0; j < e.sources.size(); j++) {
                validateFacilities(e.sources.get(j), at + ".sources[" + j + "]", e, problems);
                validatePowerMeters(e.sources.get(j), at + ".sources[" + j + "]", e, problems);
            }
        }
        r.productionConditionMarks.forEach((mark, meaning) -> {
            if (!Registry.CONDITION_MEANINGS.contains(meaning)) {
                problems.add("production_condition_marks." + mark + ": \"" + meaning + "\" is not one of "
                        + String.join(", ", Registry.CONDITION_MEANINGS));
            }
        });
        return problems;
    }

    /** Targets by year, each the target of an indicator the job computes; the gain definition. */
    private static void validatePlan(Registry r, List<String> problems) {
        r.targets.forEach((year, targets) -> {
            if (year < 2000 || year > 2100) {
                problems.add("targets." + year + ": not a year (" + TARGETS_BY_YEAR + ")");
            }
            if (targets == null) {
                problems.add("targets." + year + ": no targets given");
                return;
            }
            targets.forEach((indicator, value) -> {
                if (!INDICATOR_TARGETS.contains(indicator)) {
                    problems.add("targets." + year + "." + indicator + ": no KPI of that name (one of "
                            + String.join(", ", INDICATOR_TARGETS) + ")");
                } else if (value == null || !(value > 0)) {
                    problems.add("targets." + year + "." + indicator + ": a target must be a positive number");
                }
            });
        });
        try {
            r.efficiencyGainDefinition();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("efficiency_gain: unknown definition \"" + r.efficiencyGain + "\" (penetration or relative)");
        }
        if (!(r.coalRateMinCapacityMw > 0)) {
            problems.add("coal_rate_min_capacity_mw: must be a positive number of MW");
        }
    }

    /**
     * Monthly baselines give all twelve months; where the yearly baseline is given too, they must add
     * up to it (0.5 % for rounding), else the yearly one is their sum.
     */
    private static void validateBaselines(Enterprise e, String at, List<String> problems) {
        e.baselineT.forEach((code, t) -> {
            if (t == null || t < 0) {
                problems.add(at + ".baseline_t." + code + ": a baseline must be a number of tonnes, 0 or more");
            }
        });
        e.baselineMonthlyT.forEach((code, months) -> {
            String where = at + ".baseline_monthly_t." + code;
            if (months == null || !months.keySet().equals(MONTHS)) {
                problems.add(where + ": give the tonnes of each month 1 to 12");
                return;
            }
            if (months.values().stream().anyMatch(t -> t == null || !(t > 0))) {
                problems.add(where + ": each month's baseline must be a positive number of tonnes");
                return;
            }
            double sum =
                    months.values().stream().mapToDouble(Double::doubleValue).sum();
            Double yearly = e.baselineT.get(code);
            if (yearly == null) {
                e.baselineT.put(code, sum);
            } else if (Math.abs(sum - yearly) > 0.005 * yearly) {
                problems.add(where + ": the months add up to " + sum + " t but baseline_t gives " + yearly + " t");
            }
        });
    }

    /** Both coordinates or neither, each a WGS 84 degree: a swapped pair (lon 39.6, lat 109.8) fails the latitude range. */
    private static void validatePosition(Enterprise e, String at, List<String> problems) {
        if ((e.lat == null) != (e.lon == null)) {
            problems.add(at + ": give both lat and lon (WGS 84 degrees) or neither");
        }
        if (e.lat != null && !(e.lat >= -90 && e.lat <= 90)) {
            problems.add(at + ": lat " + e.lat + " is not a latitude in degrees (-90 to 90)");
        }
        if (e.lon != null && !(e.lon >= -180 && e.lon <= 180)) {
            problems.add(at + ": lon " + e.lon + " is not a longitude in degrees (-180 to 180)");
        }
    }

    private static void validateSource(
            Source s, String at, Set<String> ids, Map<String, String> mnAt, List<String> problems) {
        if (blank(s.id)) {
            problems.add(at + ": missing id");
        } else if (!ids.add(s.id)) {
            problems.add(at + ": duplicate source id \"" + s.id + "\"");
        }
        if (blank(s.mn)) {
            problems.add(at + ": missing mn");
        } else {
            String first = mnAt.putIfAbsent(s.mn, at);
            if (first != null) {
                problems.add(at + ": duplicate mn \"" + s.mn + "\" (also at " + first + ")");
            }
        }
        try {
            s.sourceKind();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(at + ": unknown kind \"" + s.kind + "\" (one of " + lower(SourceKind.values()) + ")");
        }
        if (!Source.ROLE_STACK.equals(s.role) && !Source.ROLE_INLET.equals(s.role)) {
            problems.add(at + ": unknown role \"" + s.role + "\" (stack or inlet)");
        }
        if (s.referenceO2Pct != null && (s.referenceO2Pct < 0 || s.referenceO2Pct >= 21)) {
            problems.add(at + ": reference_o2_pct must be in [0, 21)");
        }
        validateSite(s, at, problems);
        if (s.auxPowerPct != null && !(s.auxPowerPct >= 0 && s.auxPowerPct < 30)) {
            problems.add(at + ": aux_power_pct " + s.auxPowerPct + " is not an auxiliary power share in % (0-30)");
        }
        if (s.coalCarbonTcPerGj != null && !(s.coalCarbonTcPerGj > 0.01 && s.coalCarbonTcPerGj < 0.05)) {
            problems.add(at + ": coal_carbon_tc_per_gj " + s.coalCarbonTcPerGj
                    + " is not a carbon content of coal in tC/GJ (0.01-0.05; default 0.03085)");
        }
        if (s.coalOxidationPct != null && !(s.coalOxidationPct > 50 && s.coalOxidationPct <= 100)) {
            problems.add(at + ": coal_oxidation_pct " + s.coalOxidationPct
                    + " is not an oxidation rate in % (50-100; default 99)");
        }
        if (s.maxFlowM3H != null && !(s.maxFlowM3H > 0)) {
            problems.add(at + ": max_flow_m3_h must be a positive number");
        }
        if (s.o2CeilingPct != null && (s.o2CeilingPct <= 0 || s.o2CeilingPct >= 21)) {
            problems.add(at + ": o2_ceiling_pct must be in (0, 21)");
        }
        s.units.forEach((code, unit) -> {
            if (Units.allowedFor(code).isEmpty()) {
                problems.add(at + ".units." + code + ": the parameter catalogue gives no units for this code");
            } else if (!Units.isKnown(code, unit)) {
                problems.add(at + ".units." + code + ": unit \"" + unit + "\" is not one of " + Units.allowedFor(code));
            }
        });
        s.limitsMgM3.forEach((code, limit) -> {
            if (limit == null || !(limit > 0)) {
                problems.add(at + ".limits_mg_m3." + code + ": a limit must be a positive number");
            }
        });
        // the value itself is read where it is needed (gateway, simulator): the job's machines may not hold it
        if ((s.password != null ? 1 : 0) + (s.passwordEnv != null ? 1 : 0) + (s.passwordFile != null ? 1 : 0) > 1) {
            problems.add(at + ": set one of password, password_env and password_file");
        }
        if (s.minuteInterval != null && !Source.MINUTE_INTERVALS.contains(s.minuteInterval)) {
            problems.add(at + ".minute_interval: " + s.minuteInterval
                    + " is not a HJ 212-2017 MinInterval (one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes)");
        }
    }

    /** Stop-schedule times with an offset, or local in the registry's zone; from before to. */
    private static void resolveStopSchedule(Source s, String at, ZoneId zone, List<String> problems) {
        for (int k = 0; k < s.stopSchedule.size(); k++) {
            StopPeriod p = s.stopSchedule.get(k);
            String where = at + ".stop_schedule[" + k + "]";
            Long from = epochMillis(p.from, zone);
            Long to = epochMillis(p.to, zone);
            if (from == null || to == null) {
                problems.add(
                        where
                                + ": from and to must be ISO-8601 times such as 2026-11-26T08:00:00+08:00 or 2026-11-26T08:00:00");
            } else if (from >= to) {
                problems.add(where + ": from must be before to");
            } else {
                p.fromMillis = from;
                p.toMillis = to;
            }
        }
    }

    private static Long epochMillis(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeException notLocal) {
                return null;
            }
        }
    }

    /**
     * Eq. (18) and (30)/(31) need Ba, the ambient pressure at the CEMS: at Ordos (1,100-1,500 m,
     * 85-89 kPa) the standard atmosphere's 101.325 kPa would shift the results by 14-20 %, so a
     * source that uses them must give its site's pressure or altitude.
     */
    private static void validateSite(Source s, String at, List<String> problems) {
        if (s.ambientPressureKpa != null && (s.ambientPressureKpa < 50 || s.ambientPressureKpa > 110)) {
            problems.add(at + ": ambient_pressure_kpa " + s.ambientPressureKpa
                    + " is not an ambient pressure in kPa (50-110)");
        }
        if (s.altitudeM != null && (s.altitudeM < -500 || s.altitudeM > 5000)) {
            problems.add(at + ": altitude_m " + s.altitudeM + " is not a site altitude in m (-500 to 5000)");
        }
        if (s.needsSitePressure() && s.sitePressureKpa() == null) {
            String uses = s.workingState
                    ? "working_state (eq. 18 of HJ 212-2017 App. D)"
                    : "duct_area_m2 (flow from velocity, eq. 30/31)";
            problems.add(at + ": " + uses + " needs the site's ambient pressure: set ambient_pressure_kpa or altitude_m"
                    + " on the source or its enterprise (Ordos: 1,100-1,500 m, 85-89 kPa)");
        }
    }

    private static void validateDevice(
            Device d, String at, Map<String, Source> sources, Set<String> ids, List<String> problems) {
        Set<String> sourceIds = sources.keySet();
        if (blank(d.id)) {
            problems.add(at + ": missing id");
        } else if (!ids.add(d.id)) {
            problems.add(at + ": duplicate device id \"" + d.id + "\"");
        }
        try {
            d.deviceType();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(at + ": unknown type \"" + d.type + "\" (one of " + lower(DeviceType.values()) + ")");
        }
        if (blank(d.pollutant)) {
            problems.add(at + ": missing pollutant");
        }
        if (blank(d.inlet) || !sourceIds.contains(d.inlet)) {
            problems.add(at + ": inlet \"" + d.inlet + "\" is not a source of this enterprise");
        }
        if (blank(d.outlet) || !sourceIds.contains(d.outlet)) {
            problems.add(at + ": outlet \"" + d.outlet + "\" is not a source of this enterprise");
        }
        if (sourceIds.contains(d.inlet) && sourceIds.contains(d.outlet)) {
            sameReferenceO2(d, at, sources.get(d.inlet), sources.get(d.outlet), problems);
        }
    }

    /**
     * Each facility number of the station's status uploads (HJ 212-2017 Table 4 {@code SBxxx}) is
     * the production unit or one of the enterprise's own control devices.
     */
    private static void validateFacilities(Source s, String at, Enterprise e, List<String> problems) {
        s.facilities.forEach((sb, role) -> {
            if (Hj2025Codes.isProductionCondition(sb)) {
                // an HJ 212-2025 production condition (ST=45) speaks for a production facility only
                if (!Source.FACILITY_PRODUCTION.equals(role)) {
                    problems.add(at + ".facilities." + sb + ": a production condition (pxxxxx) can only be "
                            + Source.FACILITY_PRODUCTION + ", not \"" + role + "\"");
                }
                return;
            }
            if (!StationUploads.isFacilityNumber(sb)) {
                problems.add(at + ".facilities: \"" + sb
                        + "\" is not a facility number as stations send it (SB and its number, e.g. SB1)");
            }
            boolean device = e.devices.stream().anyMatch(d -> d.id != null && d.id.equals(role));
            if (!Source.FACILITY_PRODUCTION.equals(role) && !device) {
                problems.add(at + ".facilities." + sb + ": \"" + role + "\" is neither " + Source.FACILITY_PRODUCTION
                        + " nor a device of enterprise \"" + e.id + "\" (devices: "
                        + String.join(
                                ", ",
                                e.devices.stream()
                                        .map(d -> String.valueOf(d.id))
                                        .toList()) + ")");
            }
        });
    }

    /**
     * Each electricity code of the station's ST=44 uploads (HJ 212-2025) is what its group says:
     * {@code d2xxxx} a production facility, {@code d3xxxx} a treatment facility, i.e. one of the
     * enterprise's own control devices.
     */
    private static void validatePowerMeters(Source s, String at, Enterprise e, List<String> problems) {
        s.powerMeters.forEach((code, what) -> {
            boolean device = e.devices.stream().anyMatch(d -> d.id != null && d.id.equals(what));
            if (Hj2025Codes.isProductionFacilityPower(code)) {
                if (!Source.FACILITY_PRODUCTION.equals(what)) {
                    problems.add(at + ".power_meters." + code + ": a production-facility meter (d2xxxx) is "
                            + Source.FACILITY_PRODUCTION + ", not \"" + what + "\"");
                }
            } else if (Hj2025Codes.isTreatmentFacilityPower(code)) {
                if (!device) {
                    problems.add(at + ".power_meters." + code + ": \"" + what + "\" is not a device of enterprise \""
                            + e.id + "\" (devices: "
                            + String.join(
                                    ", ",
                                    e.devices.stream()
                                            .map(d -> String.valueOf(d.id))
                                            .toList()) + ")");
                }
            } else {
                problems.add(at + ".power_meters: \"" + code
                        + "\" is not an electricity code (d2xxxx production, d3xxxx treatment facility)");
            }
        });
    }

    /**
     * Efficiency compares inlet and outlet concentrations on one basis: dry, standard state and the
     * same reference O2 (emission-formulas.md section 4). Different reference O2s would count the
     * dilution by leaked air as removal, so both points of a device must have the same one.
     */
    private static void sameReferenceO2(Device d, String at, Source inlet, Source outlet, List<String> problems) {
        Double in;
        Double out;
        try {
            in = inlet.effectiveReferenceO2Pct();
            out = outlet.effectiveReferenceO2Pct();
        } catch (IllegalArgumentException | NullPointerException e) {
            return; // an unknown kind is reported at its source
        }
        if (!Objects.equals(in, out)) {
            problems.add(at + ": inlet \"" + inlet.id + "\" has reference O2 " + pct(in) + " but outlet \"" + outlet.id
                    + "\" has " + pct(out)
                    + "; efficiency needs both on one basis: give the inlet the outlet's kind or reference_o2_pct");
        }
    }

    private static String pct(Double o2) {
        return o2 == null ? "none" : o2 + " %";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lower(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
