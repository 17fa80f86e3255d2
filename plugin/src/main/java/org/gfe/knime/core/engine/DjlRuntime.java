package org.gfe.knime.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts DJL's PyTorch engine.
 *
 * <p>DJL looks its engines up once per JVM, through the thread context class loader, in a static initialiser. Inside
 * OSGi that loader is usually a foreign one and the lookup would find no engine for the rest of the JVM's life, so the
 * first use runs with the context loader set to this bundle's loader. Offline mode is forced (no download may ever be
 * attempted) and PyTorch gets one intra-op thread unless the user chose otherwise: on small machines more threads spin
 * against each other, and we parallelise across rows in Java instead.
 *
 * <p>PyTorch keeps its intra-op thread count per native thread (OpenMP's and MKL's settings are thread-local), and DJL
 * sets it only on the thread that starts the engine. Any other thread would run MKL's matrix products with one OpenMP
 * thread per core, which spin against each other and against the caller's other workers (ten times slower at the
 * small batches of training, measured on 2 cores). So every thread that makes a manager here first gets the starting
 * thread's count ({@link #newManager()}).
 *
 * <p>The native libraries are extracted on first use to DJL's cache ({@code DJL_CACHE_DIR}, default
 * {@code ~/.djl.ai}), about 450 MB.
 */
public final class DjlRuntime {

    /** DJL's name of the engine the project is built on. */
    public static final String ENGINE_NAME = "PyTorch";

    private static volatile Engine engine;

    /** Whether this thread's native intra-op thread count has been set. */
    private static final ThreadLocal<Boolean> THREAD_CONFIGURED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private DjlRuntime() {
    }

    /** The PyTorch engine, started on first call. Thread-safe. */
    public static Engine engine() {
        Engine started = engine;
        if (started == null) {
            synchronized (DjlRuntime.class) {
                started = engine;
                if (started == null) {
                    started = start();
                    engine = started;
                }
            }
        }
        return started;
    }

    /** A new root manager on the CPU; the caller closes it. Sets up the calling thread's native threads first. */
    public static NDManager newManager() {
        Engine started = engine();
        configureThread();
        return started.newBaseManager(Device.cpu());
    }

    /**
     * Gives the calling thread PyTorch's configured intra-op thread count ({@code ai.djl.pytorch.num_threads}, 1
     * unless the user chose otherwise), once per thread. Called by {@link #newManager()}; work that runs on a thread
     * without making a manager there should call it itself.
     */
    public static void configureThread() {
        if (!THREAD_CONFIGURED.get()) {
            engine();
            JniUtils.setNumThreads(intraOpThreads());
            THREAD_CONFIGURED.set(Boolean.TRUE);
        }
    }

    private static int intraOpThreads() {
        try {
            return Math.max(1, Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1").trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Engine start() {
        defaultProperty("ai.djl.offline", "true");
        defaultProperty("ai.djl.pytorch.num_threads", "1");
        defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            Engine found = Engine.getEngine(ENGINE_NAME);
            if (found == null) {
                throw new IllegalStateException("DJL found no " + ENGINE_NAME + " engine: is the native fragment for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " installed?");
            }
            return found;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
