package org.cems.connector.influxdb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.Internal;

/** Builds the Authorization header from environment variables named in the options. */
@Internal
final class Credentials {
    private Credentials() {}

    /**
     * The header value, or empty when the options name no credentials. {@code environment} maps a
     * variable name to its value ({@code System::getenv} in production).
     */
    static Optional<String> authorizationHeader(InfluxDbOptions options, UnaryOperator<String> environment) {
        if (options.tokenEnv() != null) {
            String token = secret(environment, options.tokenEnv(), InfluxDbOptions.TOKEN_ENV.key());
            return Optional.of("Token " + token);
        }
        if (options.username() == null) {
            return Optional.empty();
        }
        String password = secret(environment, options.passwordEnv(), InfluxDbOptions.PASSWORD_ENV.key());
        if (options.api() == InfluxDbApi.V2) {
            // InfluxDB 1.8's /api/v2 endpoints take v1 credentials as a "user:password" token
            return Optional.of("Token " + options.username() + ":" + password);
        }
        String basic = options.username() + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }

    private static String secret(UnaryOperator<String> environment, String variable, String key) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(
                    "environment variable " + variable + " (named by " + key + ") is not set on this task manager");
        }
        return value;
    }
}
