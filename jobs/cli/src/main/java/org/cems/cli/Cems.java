package org.cems.cli;

import java.util.Arrays;

/** The entry point behind bin/cems: one subcommand per use. */
public final class Cems {
    private Cems() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: cems demo|run|check|simulate|gateway|bench|ledger [options]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (args[0]) {
            case "demo" -> Demo.run(rest);
            case "run" -> RunCommand.run(rest);
            case "check" -> CheckCommand.run(rest);
            case "bench" -> org.cems.cli.bench.Bench.run(rest);
            case "ledger" -> org.cems.cli.ledger.LedgerCommand.run(rest);
            case "gateway" -> org.cems.gateway.GatewayMain.run(rest);
            case "simulate" -> {
                org.cems.simulator.SimulatorMain.main(rest);
                yield 0;
            }
            default -> {
                System.err.println("cems: unknown command " + args[0]);
                yield 2;
            }
        };
        System.exit(exit);
    }
}
