package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/cems's log configuration: each command writes its own file, rolled by size. */
class CommandLogTest {
    private static final Path CONFIG =
            Path.of("src/main/resources/log4j2-cli.properties").toAbsolutePath();

    @Test
    void eachCommandLogsToItsOwnFileRolledAt20Mb(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("cems-gateway.log");
        String previous = System.setProperty("cems.log.file", logFile.toString());
        LoggerContext context = new LoggerContext("cems-command-log-test");
        try {
            context.setConfigLocation(CONFIG.toUri());
            context.getLogger("org.cems.gateway.Test").info("a line for the gateway's own file");
            RollingFileAppender file = context.getConfiguration().getAppender("File");
            assertThat(file.getFileName()).isEqualTo(logFile.toString());
            assertThat(file.getFilePattern()).isEqualTo(logFile + ".%i");
            CompositeTriggeringPolicy policies = file.getTriggeringPolicy();
            assertThat(policies.getTriggeringPolicies())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            SizeBasedTriggeringPolicy.class,
                            size -> assertThat(size.getMaxFileSize()).isEqualTo(20L * 1024 * 1024));
        } finally {
            context.stop();
            if (previous == null) {
                System.clearProperty("cems.log.file");
            } else {
                System.setProperty("cems.log.file", previous);
            }
        }
        assertThat(Files.readString(logFile)).contains("a line for the gateway's own file");
    }
}
