package org.gfe.knime.it;

import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the test classes: each test runs a scenario of the driver bundle inside the real KNIME runtime
 * ({@link KnimeRuntime#call}). Without KNIME bundles every test method is disabled by {@link RequiresKnime}, which
 * surefire reports as skipped (an assumption failing in {@code @BeforeAll} would report nothing at all).
 */
@ExtendWith(InKnime.RequiresKnime.class)
abstract class InKnime {

    private static long classStart;

    @BeforeAll
    static void knime() {
        classStart = System.nanoTime();
        KnimeRuntime.get(); // starts KNIME once per JVM, or prints the one line saying why not
    }

    @AfterAll
    static void time() {
        if (KnimeRuntime.get().available()) {
            System.out.printf(Locale.ROOT, "[knime-integration] test class done in %.1f s (%.1f s since KNIME began"
                    + " to start in this JVM)%n", (System.nanoTime() - classStart) / 1e9,
                    KnimeRuntime.get().secondsSinceStart());
        }
    }

    /** Runs {@code Scenario.method(args)} in the driver bundle; prints what it returns (a report), if anything. */
    static Object inKnime(String scenario, String method, Object... args) throws Throwable {
        Object result = KnimeRuntime.get().call(scenario, method, args);
        if (result instanceof String report) {
            System.out.println("[knime-integration] " + scenario + "." + method + ": " + report);
        }
        return result;
    }

    /** Disables each test method (so it is reported skipped) when no KNIME bundles were found. */
    static final class RequiresKnime implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("checked per test");
            }
            KnimeRuntime runtime = KnimeRuntime.get();
            return runtime.available() ? ConditionEvaluationResult.enabled("KNIME bundles found")
                    : ConditionEvaluationResult.disabled(runtime.unavailableReason());
        }
    }
}
