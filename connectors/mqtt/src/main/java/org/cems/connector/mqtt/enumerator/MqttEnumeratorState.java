package org.cems.connector.mqtt.enumerator;

import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;

/**
 * Subscriber indexes some reader holds, and those handed back by failed readers and not yet
 * reassigned. Together they are every client id whose session the job owns.
 */
@Internal
public final class MqttEnumeratorState {
    private final Set<Integer> assigned;
    private final Set<Integer> unassigned;

    public MqttEnumeratorState(Set<Integer> assigned, Set<Integer> unassigned) {
        this.assigned = new TreeSet<>(assigned);
        this.unassigned = new TreeSet<>(unassigned);
    }

    public static MqttEnumeratorState empty() {
        return new MqttEnumeratorState(Set.of(), Set.of());
    }

    public Set<Integer> assigned() {
        return assigned;
    }

    public Set<Integer> unassigned() {
        return unassigned;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttEnumeratorState
                && ((MqttEnumeratorState) o).assigned.equals(assigned)
                && ((MqttEnumeratorState) o).unassigned.equals(unassigned);
    }

    @Override
    public int hashCode() {
        return 31 * assigned.hashCode() + unassigned.hashCode();
    }

    @Override
    public String toString() {
        return "MqttEnumeratorState{assigned=" + assigned + ", unassigned=" + unassigned + "}";
    }
}
