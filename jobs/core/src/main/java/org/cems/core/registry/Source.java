package org.cems.core.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.security.SecretRef;

/** A monitoring point (a stack, or a control device's inlet) and what its numbers need. */
public class Source implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String ROLE_STACK = "stack";
    public static final String ROLE_INLET = "inlet";
    public static final String FACILITY_PRODUCTION = "production";
    /**
     * Plausible-flow bound per MW of capacity: about three times the standard-dry flue gas of a coal
     * unit at full load (2.0e6 m3/h for 600 MW, 3,300 per MW) and above a gas turbine's (about
     * 7,300 per MW). A design bound, not a standard's: it catches a unit mix-up (m3/h read as m3/s is
     * 3,600 times too large) and corrupted values, not a plant running a little above its rating.
     */
    public static final double MAX_FLOW_M3_H_PER_MW = 10_000.0;

    /** The minute-data intervals HJ 212-2017 allows (CN 1063/1064 MinInterval), minutes. */
    /**
     * The power-sector accounting guideline's default carbon content of coal where fewer than three
     * months are measured: 0.03085 tC/GJ since the MEE notice of 2022-06-08 (it was 0.03356;
     * real-plant-data.md 7).
     */
    public static final double DEFAULT_COAL_CARBON_TC_PER_GJ = 0.03085;
    /** The guideline's uniform default oxidation rate of coal, % (real-plant-data.md 7). */
    public static final double DEFAULT_COAL_OXIDATION_PCT = 99.0;

    public static final Set<Integer> MINUTE_INTERVALS = Set.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

    public String id;
    /** What the duty officer calls it, e.g. 1号机组烟囱; optional: the dashboards show the id without it. */
    public String name;

    public String mn;
    public String kind = "other";
    /** {@link #kind} parsed, with the text it was parsed from. */
    private transient volatile ParsedKind parsedKind;
    /** {@code stack} (emits to air; counts in totals) or {@code inlet} (before a control device). */
    public String role = ROLE_STACK;

    public Double capacityMw;
    /** Auxiliary power share, % (厂用电率): supply = generation × (1 − aux); gives the net (供电) coal rate. */
    public Double auxPowerPct;
    /**
     * Carbon per unit heat of the coal, tC/GJ, for the fuel-method CO2 cross-check: the measured
     * value where the plant has one; default {@value #DEFAULT_COAL_CARBON_TC_PER_GJ}.
     */
    public Double coalCarbonTcPerGj;
    /** Carbon oxidation rate of the boiler, %, for the fuel-method CO2; default {@value #DEFAULT_COAL_OXIDATION_PCT}. */
    public Double coalOxidationPct;
    /** Overrides the reference O2 of the kind. */
    public Double referenceO2Pct;
    /** Unit overrides by parameter code, e.g. {@code a00000: m3/h}, {@code a21026: ppm}. */
    public Map<String, String> units = new LinkedHashMap<>();

    public Map<String, Double> limitsMgM3 = new LinkedHashMap<>();
    /** True when the analysers report wet concentrations; eq. (19) then needs moisture a01014. */
    public boolean wet;
    /**
     * True when concentrations are at working (flue) conditions rather than standard state: eq. (18)
     * then needs flue temperature a01012 and uses static pressure a01013 (0 when absent).
     */
    public boolean workingState;
    /**
     * Ambient pressure at the CEMS, kPa (Ba of eq. 18/31). With {@link #altitudeM} one of the two
     * is required where eq. (18) or (30)/(31) is used (the registry refuses the source otherwise);
     * an enterprise's value is its sources' default.
     */
    public Double ambientPressureKpa;
    /** Altitude of the site, m: gives Ba by the standard atmosphere when no pressure is set. */
    public Double altitudeM;
    /** The largest plausible standard-dry flow, m3/h; larger ones are invalid ({@code flow_out_of_range}). */
    public Double maxFlowM3H;
    /** O2 above this (dry, %) is near ambient: start-up or shut-down; overrides the kind's ceiling. */
    public Double o2CeilingPct;
    /** Duct cross-section, m2, for flow from velocity (eq. 30) when the gateway sends no a01016. */
    public Double ductAreaM2;
    /**
     * What each facility number in the station's status uploads (CN 2021 {@code SBxxx-RS}) is:
     * {@value #FACILITY_PRODUCTION} (the boiler or unit this point measures: off means the source
     * stopped) or the id of one of the enterprise's control devices.
     */
    public Map<String, String> facilities = new LinkedHashMap<>();
    /**
     * What each electricity code of the station's HJ 212-2025 ST=44 uploads measures:
     * {@code d2xxxx} (a production facility) {@value #FACILITY_PRODUCTION}, {@code d3xxxx} (a
     * treatment facility) the id of one of the enterprise's control devices, e.g. {@code d30106: u1-fgd}.
     */
    public Map<String, String> powerMeters = new LinkedHashMap<>();
    /**
     * The data logger's minute-data interval (MinInterval), minutes: each CN 2051 record covers this
     * long. Unset: learned from the spacing of the source's 2051 DataTimes.
     */
    public Integer minuteInterval;
    /** Known stops (planned outages): F-flagged data in them is a source stop, not missing data. */
    public List<StopPeriod> stopSchedule = new ArrayList<>();
    /** HJ 212 access password (PW) the data logger must present to the gateway; none when absent. */
    public String password;
    /** The same from an environment variable of the gateway (and the simulator), instead of plain text here. */
    public String passwordEnv;
    /** The same from a file (relative to the registry's folder), e.g. a Docker or Kubernetes secret. */
    public String passwordFile;

    /**
     * The PW this source's logger must send, from {@code password}, {@code password_env} or
     * {@code password_file}; empty when none is set.
     *
     * @throws IllegalArgumentException naming the variable or file (never the value) when it cannot be read
     */
    public Optional<String> hj212Password() {
        if (password != null) {
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        }
        SecretRef ref = new SecretRef(passwordEnv, passwordFile);
        if (!ref.isSet()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ref.read("password"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + id + " (MN " + mn + "): " + e.getMessage(), e);
        }
    }

    public SourceKind sourceKind() {
        ParsedKind parsed = parsedKind;
        if (parsed == null || parsed.text != kind) {
            // the emission figures ask for each record; kind is a public field, so the text is kept
            // with what it parsed to and a changed kind is parsed again
            parsed = new ParsedKind(kind, SourceKind.parse(kind));
            parsedKind = parsed;
        }
        return parsed.kind;
    }

    private record ParsedKind(String text, SourceKind kind) {}

    /** The reference O2 (%) for eq. (28), or null when the source has none. */
    public Double effectiveReferenceO2Pct() {
        return referenceO2Pct != null ? referenceO2Pct : sourceKind().referenceO2Pct();
    }

    /** Ba of eq. (18)/(31), kPa: the set pressure, else the standard atmosphere at the altitude; null when neither. */
    public Double sitePressureKpa() {
        if (ambientPressureKpa != null) {
            return ambientPressureKpa;
        }
        return altitudeM == null ? null : EmissionFormulas.pressureAtAltitudeKpa(altitudeM);
    }

    /** Whether eq. (18) or (30)/(31) may run for this source, which then needs the site pressure. */
    public boolean needsSitePressure() {
        return workingState || ductAreaM2 != null;
    }

    /** The O2 ceiling (%) above which eq. (28) is capped and the period marked; null when none applies. */
    public Double effectiveO2CeilingPct() {
        return o2CeilingPct != null ? o2CeilingPct : sourceKind().o2CeilingPct();
    }

    /**
     * The largest plausible standard-dry flow, m3/h: {@code max_flow_m3_h}, else from the capacity
     * ({@value #MAX_FLOW_M3_H_PER_MW} m3/h per MW), else none.
     */
    public Double effectiveMaxFlowM3H() {
        if (maxFlowM3H != null) {
            return maxFlowM3H;
        }
        return capacityMw == null ? null : capacityMw * MAX_FLOW_M3_H_PER_MW;
    }

    /** True when the registry's stop schedule covers {@code timeMillis}. */
    public boolean scheduledStop(long timeMillis) {
        for (StopPeriod p : stopSchedule) {
            if (p.covers(timeMillis)) {
                return true;
            }
        }
        return false;
    }

    public double effectiveCoalCarbonTcPerGj() {
        return coalCarbonTcPerGj != null ? coalCarbonTcPerGj : DEFAULT_COAL_CARBON_TC_PER_GJ;
    }

    public double effectiveCoalOxidationPct() {
        return coalOxidationPct != null ? coalOxidationPct : DEFAULT_COAL_OXIDATION_PCT;
    }

    public boolean isStack() {
        return ROLE_STACK.equals(role);
    }
}
