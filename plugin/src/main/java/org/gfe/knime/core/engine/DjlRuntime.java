package org.gfe.knime.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * The one place that starts DJL's PyTorch engine.
 *
 * <p>DJL looks its engines up once per JVM, through the thread context class loader, in a static initialiser. Inside
 * OSGi that loader is usually a foreign one and the lookup would find no engine for the rest of the JVM's life, so the
 * first use runs with the context loader set to this bundle's loader. Offline mode is forced (no download may ever be
 * attempted) and PyTorch gets one intra-op thread unless the user chose otherwise: on small machines more threads spin
 * against each other, and we parallelise across rows in Java instead.
 *
 * <p>The native libraries are extracted on first use to DJL's cache ({@code DJL_CACHE_DIR}, default
 * {@code ~/.djl.ai}), about 450 MB.
 */
public final class DjlRuntime {

    /** DJL's name of the engine the project is built on. */
    public static final String ENGINE_NAME = "PyTorch";

    private static volatile Engine engine;

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

    /** A new root manager on the CPU; the caller closes it. */
    public static NDManager newManager() {
        return engine().newBaseManager(Device.cpu());
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
