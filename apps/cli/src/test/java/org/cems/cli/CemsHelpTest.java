package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every subcommand of bin/cems answers {@code --help} with its usage and exit code 0: those of the
 * Java entry point in this JVM (bin/cems would build first), the others through bin/cems itself.
 * The list of subcommands is read from bin/cems, so a new one cannot be left out.
 */
class CemsHelpTest {
    private static final Path LAUNCHER =
            Path.of("../../bin/cems").toAbsolutePath().normalize();
    /** {@code  demo|run|...)}: the case arm that hands over to org.cems.cli.Cems. */
    private static final Pattern JAVA_ARM =
            Pattern.compile("(?m)^\\s+([a-z|-]+)\\)\\n\\s+need_java\\n\\s+run_java org\\.cems\\.cli\\.Cems");

    private static final Pattern NAMED = Pattern.compile("(?m)^#\\s+bin/cems ([a-z-]+)");

    @Test
    void everySubcommandAnswersHelpWithExitZero() throws Exception {
        String launcher = Files.readString(LAUNCHER);
        Matcher arm = JAVA_ARM.matcher(launcher);
        assertThat(arm.find())
                .as("bin/cems hands its Java subcommands to org.cems.cli.Cems")
                .isTrue();
        List<String> javaCommands = List.of(arm.group(1).split("\\|"));
        Set<String> named = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(launcher);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).containsAll(javaCommands).contains("cluster", "test");

        for (String command : named) {
            Result r = javaCommands.contains(command) ? inThisJvm(command) : throughLauncher(command);
            assertThat(r.exit())
                    .as("bin/cems " + command + " --help: " + r.out())
                    .isZero();
            assertThat(r.out()).as("bin/cems " + command + " --help").contains("usage: cems " + command);
        }
        Result top = throughLauncher("--help");
        assertThat(top.exit()).isZero();
        named.forEach(c -> assertThat(top.out()).contains("bin/cems " + c));
    }

    private record Result(int exit, String out) {}

    private static Result inThisJvm(String command) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Cems.run(new String[] {command, "--help"});
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    private static Result throughLauncher(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        if (args.length == 1 && !args[0].startsWith("-")) {
            cmd.add("--help");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
