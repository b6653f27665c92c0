package org.cems.connector.notify;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Which messages go to which targets: a message matches when its severity, type and enterprise are
 * each in the route's set, an empty set matching any. A message goes to every target of every route
 * it matches, once per target.
 */
@PublicEvolving
public final class Route implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> severities;
    private final Set<String> types;
    private final Set<String> enterprises;
    private final List<String> targets;

    public Route(Set<String> severities, Set<String> types, Set<String> enterprises, List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one target");
        }
        this.severities = severities == null ? Set.of() : Set.copyOf(severities);
        this.types = types == null ? Set.of() : Set.copyOf(types);
        this.enterprises = enterprises == null ? Set.of() : Set.copyOf(enterprises);
        this.targets = List.copyOf(targets);
    }

    /** Everything to these targets. */
    public static Route all(List<String> targets) {
        return new Route(Set.of(), Set.of(), Set.of(), targets);
    }

    public boolean matches(Notification n) {
        return matches(severities, n.severity) && matches(types, n.type) && matches(enterprises, n.enterprise);
    }

    public List<String> targets() {
        return targets;
    }

    private static boolean matches(Set<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    @Override
    public String toString() {
        return "Route{severities=" + severities + ", types=" + types + ", enterprises=" + enterprises + ", targets="
                + targets + "}";
    }
}
