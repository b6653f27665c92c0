package org.cems.core.registry;

import java.util.Locale;

/**
 * What "efficiency +x % over the baseline year" means (registry {@code efficiency_gain}). The plan
 * does not define it; read as a relative gain in removal efficiency, +10 % is unreachable for an
 * FGD at 98 % (it would need 107.8 %), so the default reads it as the reduction of what passes the
 * device, the penetration 1 − η: 98 % to 98.2 % cuts the penetration from 2 % to 1.8 %, −10 %.
 */
public enum EfficiencyGainDefinition {
    /** ((1 − η_base) − (1 − η)) / (1 − η_base) × 100 = (η − η_base) / (100 − η_base) × 100. */
    PENETRATION,
    /** (η − η_base) / η_base × 100. */
    RELATIVE;

    /** The gain in %, efficiencies in %; null where the definition has no value (a baseline of 100 % penetration-wise). */
    public Double gainPct(double efficiencyPct, double baselinePct) {
        return switch (this) {
            case PENETRATION -> baselinePct < 100 ? (efficiencyPct - baselinePct) / (100 - baselinePct) * 100.0 : null;
            case RELATIVE -> baselinePct > 0 ? (efficiencyPct - baselinePct) / baselinePct * 100.0 : null;
        };
    }

    public static EfficiencyGainDefinition parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
