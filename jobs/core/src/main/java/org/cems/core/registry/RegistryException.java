package org.cems.core.registry;

import java.util.List;

/** A registry file that cannot be used, with every problem found and where it is. */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RegistryException(String file, List<String> problems) {
        super("registry " + file + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
