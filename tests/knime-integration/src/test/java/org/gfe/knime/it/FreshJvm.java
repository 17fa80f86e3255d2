package org.gfe.knime.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM that starts its own KNIME runtime and runs one driver scenario: for tests of what survives a
 * restart of KNIME. Started with this JVM's class path, JVM options (the add-opens list, headless, DJL) and the
 * build's system properties; its output goes to a log file that a failure quotes.
 */
final class FreshJvm {

    private static final List<String> PASSED_PROPERTIES = List.of("knime.bundles", "gfe.bundle.plugin",
            "gfe.bundle.natives", "gfe.third.party.list", "gfe.driver.sources", "gfe.tecator.csv", "gfe.work.dir");

    private FreshJvm() {
    }

    /** Runs {@code scenario.method(args)} in a new JVM and returns what it returned (a report). */
    static String run(String scenario, String method, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent") && !option.startsWith("-D")) {
                command.add(option);
            }
        }
        for (String name : PASSED_PROPERTIES) {
            command.add("-D" + name + "=" + Settings.property(name));
        }
        for (String name : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "ai.djl.offline", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads", "java.awt.headless", "osgi.classloader.lock",
                "knime.xml.disable_external_entities")) {
            if (System.getProperty(name) != null) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        String name = "fresh-" + Settings.pid();
        command.add("-Dgfe.jvm.name=" + name);
        command.add("-cp");
        command.add(classPath());
        command.add(FreshJvm.class.getName());
        command.add(scenario);
        command.add(method);
        command.addAll(List.of(args));
        Path log = Settings.workDir().resolve(name + ".log");
        Path result = Settings.workDir().resolve(name + ".result");
        Files.deleteIfExists(result);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the fresh JVM did not finish in 5 minutes; its log: " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new AssertionError("the fresh JVM failed (exit " + process.exitValue() + "):\n" + tail(log));
        }
        return Files.readString(result, StandardCharsets.UTF_8);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** The second JVM: start KNIME, run the scenario, write its report; exit 0 only on success. */
    public static void main(String[] args) {
        int status = 1;
        try {
            KnimeRuntime runtime = KnimeRuntime.get();
            if (!runtime.available()) {
                throw new IllegalStateException(runtime.unavailableReason());
            }
            Object[] rest = java.util.Arrays.copyOfRange(args, 2, args.length, Object[].class);
            Object report = runtime.call(args[0], args[1], rest);
            Files.writeString(Settings.workDir().resolve(Settings.jvmName() + ".result"), String.valueOf(report),
                    StandardCharsets.UTF_8);
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace(System.out);
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}
