package org.cems.gateway;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway needs from the source registry, as plain values: the MNs it knows and the PW
 * each must present. The launcher ({@code bin/cems gateway}, the gateway image) reads the registry
 * file, so the gateway does not depend on the job's registry model. {@link #toString()} never shows
 * a password.
 *
 * @param mns          every MN of the registry: a CN 1001 registration from any other MN is recorded for approval
 * @param passwordByMn the access password (PW) of each MN that has one
 */
public record RegisteredStations(Set<String> mns, Map<String, String> passwordByMn) {
    public RegisteredStations {
        mns = Set.copyOf(Objects.requireNonNull(mns, "mns"));
        passwordByMn = Map.copyOf(Objects.requireNonNull(passwordByMn, "passwordByMn"));
    }

    @Override
    public String toString() {
        return "RegisteredStations[" + mns.size() + " MNs, " + passwordByMn.size() + " with a password]";
    }
}
