package org.cems.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cems.cli.bench.Bench;
import org.cems.cli.ledger.LedgerCommand;
import org.cems.simulator.SimulatorMain;

/** The entry point behind bin/cems: one subcommand per use. */
public final class Cems {
    /** The usage of each subcommand that does not answer --help itself (simulate and gateway do). */
    private static final Map<String, String> USAGES = Map.of(
            "demo", DemoOptions.USAGE,
            "run", RunCommand.USAGE,
            "check", CheckCommand.USAGE,
            "bench", Bench.USAGE,
            "ledger", LedgerCommand.USAGE_TEXT,
            "migrate-readings", ReadingMigration.USAGE,
            "migrate-emissions", EmissionMigration.USAGE);

    private Cems() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs a subcommand; returns its exit code. */
    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: cems demo|run|check|simulate|gateway|bench|ledger|migrate-readings|migrate-emissions [options]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        List<String> options = Arrays.asList(rest);
        if (USAGES.containsKey(args[0]) && (options.contains("--help") || options.contains("-h"))) {
            System.out.print(USAGES.get(args[0]));
            return 0;
        }
        return switch (args[0]) {
            case "demo" -> Demo.run(rest);
            case "run" -> RunCommand.run(rest);
            case "check" -> CheckCommand.run(rest);
            case "bench" -> Bench.run(rest);
            case "ledger" -> LedgerCommand.run(rest);
            case "migrate-readings" -> ReadingMigration.run(rest);
            case "migrate-emissions" -> EmissionMigration.run(rest);
            case "gateway" -> GatewayCommand.run(rest);
            case "simulate" -> SimulatorMain.run(rest);
            default -> {
                System.err.println("cems: unknown command " + args[0]);
                yield 2;
            }
        };
    }
}
