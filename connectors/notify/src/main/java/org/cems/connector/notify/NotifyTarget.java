package org.cems.connector.notify;

import java.io.Serializable;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One place messages go, by name, with its rate limit. Holds names of environment variables, never
 * secrets: its writer reads them on the task manager, so they stay out of the job graph and logs.
 */
@PublicEvolving
public abstract class NotifyTarget implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private RateLimit rateLimit;

    protected NotifyTarget(String name, RateLimit rateLimit) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a notification target needs a name");
        }
        this.name = name;
        this.rateLimit = rateLimit;
    }

    public String name() {
        return name;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public NotifyTarget withRateLimit(RateLimit limit) {
        this.rateLimit = limit;
        return this;
    }

    /** The writer for this target; {@code environment} maps a variable name to its value ({@code System::getenv}). */
    abstract TargetWriter createWriter(UnaryOperator<String> environment, NotifyOptions options);

    /** The value of a variable this target names; a missing one fails the writer with the variable's name only. */
    static String secret(UnaryOperator<String> environment, String variable, String what) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(
                    "environment variable " + variable + " (" + what + ") is not set on this task manager");
        }
        return value;
    }
}
