package org.cems.cli.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import org.apache.flink.util.ParameterTool;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryException;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;

/** What {@code cems ledger} was asked for: the period, the enterprise, the output and where InfluxDB and the registry are. */
record LedgerOptions(
        int year,
        Integer month,
        String enterprise,
        Format format,
        Path out,
        InfluxQueryClient influx,
        Registry registry,
        ZoneId zone) {
    static final String USAGE =
            "usage: cems ledger --year Y [--month M] [--enterprise ID] --format csv|xlsx --out FILE\n"
                    + "                   [--config FILE | --influx URL --database DB --registry FILE]";

    /** What ParameterTool returns for a key given without a value ({@code --out --year 2024}). */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    enum Format {
        CSV,
        XLSX
    }

    static LedgerOptions parse(String[] args) throws LedgerException {
        ParameterTool p;
        try {
            p = ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(e.getMessage());
        }
        int year = integer(p, "year", 2000, 2100);
        Integer month = p.has("month") ? integer(p, "month", 1, 12) : null;
        Path out = Path.of(required(p, "out"));
        Format format = format(p.get("format"), out);

        JobConfig config = new JobConfig();
        Registry registry;
        try {
            if (p.has("config")) {
                config = JobConfigLoader.load(Path.of(p.get("config")));
            }
            String registryFile = p.get("registry", p.has("config") ? config.registry : null);
            if (registryFile == null) {
                throw new LedgerException(
                        "the registry tells stacks from inlets and names the enterprises: give --config FILE "
                                + "(the job's configuration) or --registry FILE");
            }
            registry = RegistryLoader.load(Path.of(registryFile));
        } catch (IllegalArgumentException | RegistryException e) {
            throw new LedgerException(e.getMessage());
        }
        String url = p.get("influx", config.influxdb.url);
        String database = p.get("database", config.influxdb.database);
        InfluxQueryClient influx = new InfluxQueryClient(url, database, authorization(config.influxdb));
        ZoneId zone;
        try {
            zone = ZoneId.of(config.timezone != null ? config.timezone : registry.timezone);
        } catch (DateTimeException e) {
            throw new LedgerException("timezone: " + e.getMessage());
        }
        return new LedgerOptions(year, month, p.get("enterprise"), format, out, influx, registry, zone);
    }

    /** InfluxDB 1.x basic authentication, or a 2.x token, from the job's configuration; secrets from the environment. */
    private static String authorization(JobConfig.Influx c) throws LedgerException {
        if (c.tokenEnv != null) {
            return "Token " + secret(c.tokenEnv, "influxdb.token_env");
        }
        if (c.username == null) {
            return null;
        }
        String password = c.passwordEnv == null ? "" : secret(c.passwordEnv, "influxdb.password_env");
        return "Basic "
                + Base64.getEncoder().encodeToString((c.username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(String variable, String key) throws LedgerException {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new LedgerException("environment variable " + variable + " (named by " + key + ") is not set");
        }
        return value;
    }

    private static Format format(String given, Path out) throws LedgerException {
        String name = given != null ? given : extension(out);
        try {
            return Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LedgerException("--format: csv or xlsx, not \"" + name + "\"");
        }
    }

    private static String extension(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String required(ParameterTool p, String key) throws LedgerException {
        String v = p.get(key);
        if (v == null || v.isBlank() || NO_VALUE.equals(v)) {
            throw new LedgerException("--" + key + " is required");
        }
        return v;
    }

    private static int integer(ParameterTool p, String key, int min, int max) throws LedgerException {
        String v = required(p, key);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LedgerException("--" + key + ": a number from " + min + " to " + max + ", not \"" + v + "\"");
    }
}
