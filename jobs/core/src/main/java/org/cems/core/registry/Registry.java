package org.cems.core.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source registry (contract section 3): which MN is which source of which enterprise, and
 * what its numbers need. Load it with {@link RegistryLoader}, which validates it.
 */
public class Registry implements Serializable {
    private static final long serialVersionUID = 1L;

    public String city;
    public String timezone = "Asia/Shanghai";
    public int baselineYear = 2023;
    public Targets targets = new Targets();
    public List<Enterprise> enterprises = new ArrayList<>();

    private transient Map<String, SourceRef> byMn;

    /** The source with this MN, or null when the registry does not know it. */
    public SourceRef byMn(String mn) {
        return index().get(mn);
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

    private Map<String, SourceRef> index() {
        if (byMn == null) {
            Map<String, SourceRef> map = new HashMap<>();
            for (SourceRef ref : allSources()) {
                map.put(ref.source().mn, ref);
            }
            byMn = map;
        }
        return byMn;
    }
}
