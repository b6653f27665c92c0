package org.cems.cli.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;

/**
 * The enterprises a ledger covers and their stacks, from the registry: points carry no role tag,
 * and inlets (gas before the control devices) never count (docs/interface.md "Outputs", emission_total).
 */
final class LedgerScope {
    final List<Enterprise> enterprises;

    private LedgerScope(List<Enterprise> enterprises) {
        this.enterprises = enterprises;
    }

    static LedgerScope of(Registry registry, String enterpriseId) throws LedgerException {
        if (enterpriseId == null) {
            return new LedgerScope(registry.enterprises);
        }
        for (Enterprise e : registry.enterprises) {
            if (e.id.equals(enterpriseId)) {
                return new LedgerScope(List.of(e));
            }
        }
        List<String> ids = new ArrayList<>();
        registry.enterprises.forEach(e -> ids.add(e.id));
        throw new LedgerException(
                "no enterprise \"" + enterpriseId + "\" in the registry; its enterprises: " + String.join(", ", ids));
    }

    static List<StackKey> stacks(Enterprise e) {
        List<StackKey> stacks = new ArrayList<>();
        for (Source s : e.sources) {
            if (s.isStack()) {
                stacks.add(new StackKey(e.id, s.id));
            }
        }
        return stacks;
    }

    /** Pollutants the registry sets limits for at a stack: monitored even in a month without data. */
    static Set<String> limitedPollutants(Enterprise e, String sourceId) {
        for (Source s : e.sources) {
            if (s.id.equals(sourceId)) {
                return new TreeSet<>(s.limitsMgM3.keySet());
            }
        }
        return Set.of();
    }
}
