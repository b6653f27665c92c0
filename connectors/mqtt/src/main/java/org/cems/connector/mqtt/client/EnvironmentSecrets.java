package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;

/** Reads secrets from environment variables of the task manager; messages name only the variable. */
@Internal
final class EnvironmentSecrets {
    private EnvironmentSecrets() {}

    static char[] require(String variable, String purpose) throws SourceConfigurationException {
        String value = System.getenv(variable);
        if (value == null) {
            throw new SourceConfigurationException(
                    "environment variable " + variable + " (" + purpose + ") is not set on this task manager");
        }
        return value.toCharArray();
    }

    static char[] optional(String variable, String purpose) throws SourceConfigurationException {
        return variable == null ? null : require(variable, purpose);
    }
}
