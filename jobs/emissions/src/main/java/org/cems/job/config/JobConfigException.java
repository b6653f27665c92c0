package org.cems.job.config;

import java.util.List;

/** A job configuration that cannot be used, each problem naming its YAML key (e.g. {@code kafka.starting_offsets}). */
public class JobConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public JobConfigException(String file, List<String> problems) {
        super(file + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
