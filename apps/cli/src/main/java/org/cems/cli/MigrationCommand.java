package org.cems.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code cems migrate-readings} and {@code cems migrate-emissions} share: their options (codes
 * besides the catalogue's, a period) and printing the statements, one a line (docs/migration.md).
 * They connect to nothing: the operator runs the lines and checks before the last one, the drop.
 */
final class MigrationCommand {
    /**
     * @param codes the catalogue's codes, then those the option added
     * @param from with {@code to}, the period [from, to) to convert; both null for the whole history
     */
    record Options(Set<String> codes, Instant from, Instant to) {
        /** The period as a condition to append to a WHERE clause; empty for the whole history. */
        String period() {
            return wholeHistory() ? "" : " AND time >= '" + from + "' AND time < '" + to + "'";
        }

        /** The narrow series are dropped only after the whole history is converted. */
        boolean wholeHistory() {
            return from == null;
        }
    }

    private MigrationCommand() {}

    /**
     * @param command the command's name, for its error lines
     * @param codesOption the option that adds codes ({@code --codes}, {@code --pollutants})
     * @return 0 printed, 2 wrong usage (the usage printed to stderr)
     */
    static int run(
            String command,
            String usage,
            String codesOption,
            Collection<String> catalogue,
            String[] args,
            PrintStream out,
            Function<Options, List<String>> statements) {
        Options options;
        try {
            options = parse(args, codesOption, catalogue);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("cems " + command + ": " + e.getMessage());
            System.err.print(usage);
            return 2;
        }
        statements.apply(options).forEach(out::println);
        return 0;
    }

    private static Options parse(String[] args, String codesOption, Collection<String> catalogue) {
        Set<String> codes = new LinkedHashSet<>(catalogue);
        Instant from = null;
        Instant to = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (args[i].equals(codesOption)) {
                codes.addAll(List.of(value.split(",")));
            } else if (args[i].equals("--from")) {
                from = Instant.parse(value);
            } else if (args[i].equals("--to")) {
                to = Instant.parse(value);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if ((from == null) != (to == null) || (from != null && !from.isBefore(to))) {
            throw new IllegalArgumentException("--from and --to go together, --from before --to");
        }
        return new Options(codes, from, to);
    }
}
