package org.cems.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryException;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigException;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.endpoints.Check;
import org.cems.job.endpoints.Endpoints;

/**
 * {@code cems check --config FILE}: the config, the registry, then every endpoint the job would use,
 * reached with the job's own client settings; one line per check, exit 1 when any failed.
 */
final class CheckCommand {
    static final String USAGE = """
            usage: cems check --config FILE
              checks the config, the registry and every endpoint the job would use (Kafka, MQTT, InfluxDB:
              reachable, authenticated, topics and database present), one line each; creates nothing
              --config FILE        the job's configuration (docs/operations.md)
              --help               this text
            exit: 0 all checks passed, 1 a check failed, 2 wrong usage
            """;

    private CheckCommand() {}

    static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.print(USAGE);
            return 2;
        }
        Path file = Path.of(args[1]);
        List<Check> checks = new ArrayList<>();
        try {
            JobConfig config = JobConfigLoader.load(file);
            checks.add(Check.ok("config " + file, "valid"));
            checks.addAll(registry(config.registry));
            checks.addAll(Endpoints.check(config));
        } catch (JobConfigException e) {
            e.problems().forEach(problem -> checks.add(Check.failed("config " + file, problem)));
        }
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out.println(
                failed == 0
                        ? "cems check: all " + checks.size() + " checks passed"
                        : "cems check: " + failed + " of " + checks.size() + " checks failed");
        return failed == 0 ? 0 : 1;
    }

    private static List<Check> registry(String file) {
        try {
            Registry registry = RegistryLoader.load(Path.of(file));
            return List.of(Check.ok(
                    "registry " + file,
                    registry.enterprises.size() + " enterprise(s), "
                            + registry.allSources().size() + " monitoring point(s)"));
        } catch (RegistryException e) {
            return e.problems().stream()
                    .map(problem -> Check.failed("registry " + file, problem))
                    .toList();
        }
    }
}
