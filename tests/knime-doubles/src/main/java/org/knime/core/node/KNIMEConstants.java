package org.knime.core.node;

import org.knime.core.util.ThreadPool;

/**
 * Double of KNIME's KNIMEConstants (only the global thread pool). Its size is KNIME's default: twice the available
 * processors, or the positive integer in the environment variable {@code KNIME_CORE_MAX_THREADS} or else the system
 * property {@code org.knime.core.maxThreads} (unparsable or non-positive values are reported and ignored).
 */
public final class KNIMEConstants {
    private static final float PROCESSOR_COUNT_TO_DEF_THREAD_COUNT_MULTIPLIER = 2.0f;

    private static final String PROPERTY_MAX_THREAD_COUNT = "org.knime.core.maxThreads";

    private static final String ENV_MAX_THREAD_COUNT = "KNIME_CORE_MAX_THREADS";

    public static final ThreadPool GLOBAL_THREAD_POOL = new ThreadPool(defaultMaxThreads());

    private KNIMEConstants() {
    }

    static int defaultMaxThreads() {
        int maxThreads = (int)(PROCESSOR_COUNT_TO_DEF_THREAD_COUNT_MULTIPLIER * Runtime.getRuntime().availableProcessors());
        final String env = System.getenv(ENV_MAX_THREAD_COUNT);
        final boolean useEnv = env != null && !env.isEmpty();
        final String value = useEnv ? env : System.getProperty(PROPERTY_MAX_THREAD_COUNT);
        try {
            if (value != null && !value.isEmpty()) {
                final int parsed = Integer.parseInt(value);
                if (parsed <= 0) {
                    throw new NumberFormatException("Not positive");
                }
                maxThreads = parsed;
            }
        } catch (NumberFormatException e) {
            System.err.println(String.format("Unable to parse %s \"%s\" (\"%s\") as number: %s",
                useEnv ? "environment variable" : "system property",
                useEnv ? ENV_MAX_THREAD_COUNT : PROPERTY_MAX_THREAD_COUNT, value, e.getMessage()));
        }
        return maxThreads;
    }
}
