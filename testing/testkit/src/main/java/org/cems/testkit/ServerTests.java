package org.cems.testkit;

/**
 * The naming rule for tests that start servers: a test class that starts a real server (Kafka,
 * Mosquitto, InfluxDB, VictoriaMetrics, the notification receivers, Flink processes) ends in
 * {@code ITCase}; a class named {@code ...Test} is a unit test and starts none. Every server here
 * checks the rule when it starts, so a slow test cannot hide under a unit test's name.
 *
 * <p>The test class running is set by {@link TestClassTracker}, which JUnit loads for every test
 * class (extension auto-detection, switched on in the parent pom). Outside tests (the demo, the
 * benchmark) no class is set and nothing is checked.
 */
public final class ServerTests {
    public static final String SUFFIX = "ITCase";

    private static volatile String runningTestClass;

    private ServerTests() {}

    static void running(String testClass) {
        runningTestClass = testClass;
    }

    /** @throws IllegalStateException when the running test class is not named {@code ...ITCase} */
    public static void requireIntegrationTest(String server) {
        String test = runningTestClass;
        if (test != null && !test.endsWith(SUFFIX)) {
            throw new IllegalStateException(
                    test + " starts " + server + ": a test class that starts servers is named ..." + SUFFIX
                            + " (docs/development.md, \"Tests\"); rename it, or keep it a unit test without servers");
        }
    }
}
