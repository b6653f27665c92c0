package org.cems.gateway;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.core.keys.Sm4KeySource;
import org.cems.core.security.SecurityConfig;
import org.cems.core.time.Durations;
import org.cems.hj212.CrcPolicy;

/** The command line of {@code bin/cems gateway}, read into a builder; every mistake names its option. */
final class GatewayArgs {
    static final String USAGE = """
            usage: cems gateway --listen HOST:PORT --kafka BOOTSTRAP [options]
              HJ 212 data loggers connect over TCP; each good data frame goes to Kafka keyed by MN and
              is answered 9014 (when its Flag asks) only after Kafka acknowledged it.

              --listen HOST:PORT          where loggers connect, e.g. 0.0.0.0:9212 (required)
              --kafka BOOTSTRAP           Kafka bootstrap servers, host:port[,host:port] (required)
              --security FILE             SASL/TLS towards Kafka: the kafka.security block of this YAML
                                          (the job's config file will do; see docs/security.md)
              --topic NAME                readings topic (default cems.readings)
              --deadletter-topic NAME     rejected frames as JSON (default cems.deadletter)
              --registry FILE             source registry YAML: MNs with a password must send it as PW;
                                          CN 1001 registrations of other MNs are recorded for approval
              --sm4-keys FILE             HJ 212-2025 SM4 keys, MN=32-hex-digit-key lines (keep it secret);
                                          key changes (CN 1014) are saved back to it
              --sm4-keys-env NAME         the same entries from an environment variable (changes kept in memory)
              --registrations FILE        append CN 1001 registrations of MNs not in the registry (JSON lines)
              --idle-timeout D            close connections silent for D (default 5m; 500ms, 30s, 5m, 2h)
              --max-connections N         refuse connections beyond N (default 2000)
              --max-segment-bytes N       largest data segment accepted, 1-9999 (default 4096)
              --crc strict|lenient        lenient also takes the CRC-16/MODBUS variants (default strict)
              --metrics-port P            Prometheus metrics on http://0.0.0.0:P/metrics (docs/metrics.md); default none
              --help                      this text
            """;
    private static final Pattern HOST_PORT = Pattern.compile("(.*):(\\d{1,5})");

    /** What the command line asked for: a gateway, or the usage text. */
    record Parsed(Hj212Gateway.Builder builder, Path registry, boolean help) {}

    private static final String KEYS_FILE = "--sm4-keys";
    private static final String KEYS_ENV = "--sm4-keys-env";

    private GatewayArgs() {}

    /** @throws IllegalArgumentException with a message fit for the user */
    static Parsed parse(String[] args) {
        Hj212Gateway.Builder b = Hj212Gateway.builder();
        Path registry = null;
        String keysFile = null;
        String keysEnv = null;
        boolean listenGiven = false;
        boolean kafkaGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new Parsed(b, null, true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        option.startsWith("--") ? option + " needs a value" : "unexpected argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--listen" -> {
                    b.listen(hostPort(value));
                    listenGiven = true;
                }
                case "--kafka" -> {
                    b.kafkaBootstrap(value);
                    kafkaGiven = true;
                }
                case "--security" -> {
                    try {
                        b.kafkaSecurity(SecurityConfig.load(Path.of(value)).kafka());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--security: " + e.getMessage());
                    }
                }
                case "--topic" -> b.readingsTopic(value);
                case "--deadletter-topic" -> b.deadLetterTopic(value);
                case "--registry" -> {
                    registry = Path.of(value);
                    if (!Files.isReadable(registry)) {
                        throw new IllegalArgumentException("--registry: cannot read " + value);
                    }
                }
                case KEYS_FILE -> keysFile = value;
                case KEYS_ENV -> keysEnv = value;
                case "--registrations" -> b.registrationsFile(Path.of(value));
                case "--idle-timeout" -> b.idleTimeout(duration(option, value));
                case "--max-connections" -> b.maxConnections(positiveInt(option, value));
                case "--max-segment-bytes" -> b.maxSegmentBytes(positiveInt(option, value));
                case "--crc" -> b.crcPolicy(crcPolicy(value));
                case "--metrics-port" -> b.metrics(new InetSocketAddress(port(option, value)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!listenGiven) {
            throw new IllegalArgumentException("--listen HOST:PORT is required");
        }
        if (!kafkaGiven) {
            throw new IllegalArgumentException("--kafka BOOTSTRAP is required");
        }
        if (keysFile != null || keysEnv != null) {
            try {
                b.sm4Keys(new Sm4KeySource(keysFile, keysEnv).load(), keysFile == null ? null : Path.of(keysFile));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((keysFile != null ? KEYS_FILE : KEYS_ENV) + ": " + e.getMessage());
            }
        }
        b.options(); // range checks now, before anything is started
        return new Parsed(b, registry, false);
    }

    static InetSocketAddress hostPort(String text) {
        Matcher m = HOST_PORT.matcher(text);
        int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: write HOST:PORT, e.g. 0.0.0.0:9212, not \"" + text + "\"");
        }
        String host = m.group(1).isEmpty() ? "0.0.0.0" : m.group(1).replaceAll("^\\[(.*)]$", "$1");
        return new InetSocketAddress(host, port);
    }

    static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static int positiveInt(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": write a positive whole number, not \"" + text + "\"");
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": write a port 0-65535, not \"" + text + "\"");
    }

    private static CrcPolicy crcPolicy(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "strict" -> CrcPolicy.STRICT;
            case "lenient" -> CrcPolicy.ACCEPT_MODBUS_VARIANTS;
            default -> throw new IllegalArgumentException("--crc: write strict or lenient, not \"" + text + "\"");
        };
    }
}
