package org.cems.core.registry;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The source registry (contract section 3): which MN is which source of which enterprise, and
 * what its numbers need. Load it with {@link RegistryLoader}, which validates it.
 */
public class Registry implements Serializable {
    private static final long serialVersionUID = 1L;

    public String city;
    public String timezone = "Asia/Shanghai";
    public int baselineYear = 2023;
    /**
     * The plan's targets by year, each keyed by the KPI indicator it is for (see {@link Targets});
     * a year the plan sets nothing for has none, and its KPIs are written without a target.
     */
    public Map<Integer, Map<String, Double>> targets = new TreeMap<>();
    /** How the equipment-efficiency gain is defined: {@code penetration} (default) or {@code relative}. */
    public String efficiencyGain = "penetration";
    /** The coal-rate KPI covers units of this capacity and more (the plan: 600 MW). */
    public double coalRateMinCapacityMw = 600;

    public List<Enterprise> enterprises = new ArrayList<>();
    /**
     * What the marks of HJ 212-2025 key production conditions (ST=45, {@code p99101-Rtd=St}) mean,
     * mark to one of {@link #CONDITION_MEANINGS}. The standard's table of marks was not found
     * (docs/hj212-2025.md), so there are no defaults: a mark not listed is stored, not interpreted.
     */
    public Map<String, String> productionConditionMarks = new LinkedHashMap<>();

    /** A production-condition mark that says the production facility is stopped (停运): source-stop evidence. */
    public static final String CONDITION_STOPPED = "stopped";
    /**
     * The meanings a mark may have, after the condition marks of 执法函〔2020〕21号 and MEE 公告 2022年第21号
     * (real-plant-data.md section 3): 停运 stopped, 并网/供能 startup, 解列 shutdown, 故障/事故 fault, and normal.
     */
    public static final List<String> CONDITION_MEANINGS =
            List.of(CONDITION_STOPPED, "startup", "shutdown", "fault", "normal");

    /** Volatile: one decoded registry is shared by the functions of a job in a JVM (see {@link SharedRegistry}). */
    private transient volatile Map<String, SourceRef> byMn;

    private transient volatile Map<String, Enterprise> byId;

    /** Computed once: every function of a job serializes the same registry. */
    private transient SharedRegistry serialForm;

    /** The target of an indicator in a year, or null when the registry gives none. */
    public Double target(int year, String indicator) {
        Map<String, Double> ofYear = targets.get(year);
        return ofYear == null ? null : ofYear.get(indicator);
    }

    public EfficiencyGainDefinition efficiencyGainDefinition() {
        return EfficiencyGainDefinition.parse(efficiencyGain);
    }

    /** The source with this MN, or null when the registry does not know it. */
    public SourceRef byMn(String mn) {
        return index().get(mn);
    }

    /** The enterprise with this id, or null when the registry does not know it. */
    public Enterprise enterprise(String id) {
        Map<String, Enterprise> index = byId;
        if (index == null) {
            index = new HashMap<>();
            for (Enterprise e : enterprises) {
                index.put(e.id, e);
            }
            byId = index;
        }
        return index.get(id);
    }

    public List<SourceRef> allSources() {
        List<SourceRef> all = new ArrayList<>();
        for (Enterprise e : enterprises) {
            for (Source s : e.sources) {
                all.add(new SourceRef(e, s));
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** A registry is serialized as its {@link SharedRegistry}, so a JVM decodes it once for all functions. */
    @Serial
    private Object writeReplace() {
        if (SharedRegistry.writingContent()) {
            return this;
        }
        if (serialForm == null) {
            serialForm = SharedRegistry.of(this);
        }
        return serialForm;
    }

    private Map<String, SourceRef> index() {
        Map<String, SourceRef> index = byMn;
        if (index == null) {
            index = new HashMap<>();
            for (SourceRef ref : allSources()) {
                index.put(ref.source().mn, ref);
            }
            byMn = index;
        }
        return index;
    }
}
