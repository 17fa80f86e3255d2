package org.gfe.knime.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The one place that starts DJL's PyTorch engine.
 *
 * <p><b>Class loader.</b> DJL looks its engines up once per JVM, through the thread context class loader, in a static
 * initialiser. Inside OSGi that loader is usually a foreign one and the lookup would find no engine for the rest of
 * the JVM's life, so the start runs with the context loader set to this bundle's loader (which includes the attached
 * native fragment).
 *
 * <p><b>System properties, set only while the engine starts.</b> DJL 0.35.1 takes its switches from JVM system
 * properties, which all bundles in KNIME share. Read from its sources, each one that matters here is read only during
 * the engine start, so GFE sets them for that scope and puts them back right after ({@link ScopedProperties}; another
 * thread sees them only for those seconds):
 * <ul>
 * <li>{@code ai.djl.offline=true} (forced): read by {@code Utils.isOfflineMode()}, which guards DJL's telemetry call
 * in {@code Engine.initEngine} (static initialiser of {@code Engine}) and every download of native libraries in
 * {@code LibUtils.loadLibrary}. Afterwards it is only read by the model zoo, remote repositories and URL reads, which
 * GFE never uses. (DJL reads the environment variable {@code DJL_OFFLINE} first; an admin who sets it to false there
 * overrides this.)</li>
 * <li>{@code ai.djl.pytorch.num_threads=1} and {@code ai.djl.pytorch.num_interop_threads=1} (unless the JVM already
 * has a value): read once, in {@code PtEngine.newInstance}, and applied to libtorch, which is loaded once per process.
 * GFE parallelises across rows in Java on threads KNIME lends; more PyTorch threads would spin against them.</li>
 * <li>{@code ENGINE_CACHE_DIR}, only when the KNIME admin set {@value #CACHE_PROPERTY} (e.g.
 * {@code -Dgfe.djl.cache=/opt/knime-cache/djl} in knime.ini): DJL reads it (environment variable first, then system
 * property, then {@code DJL_CACHE_DIR}, then {@code ~/.djl.ai}) only in {@code LibUtils} while it extracts and loads
 * the native libraries.</li>
 * </ul>
 *
 * <p><b>First start.</b> The native libraries (about 450 MB) are extracted from the fragment into
 * {@code <cache>/pytorch/<version>-<flavor>-<classifier>/} once; later starts find them there. The caller hears about
 * it through the status consumer of {@link #engine(Consumer)} (the nodes show it as their progress message).
 *
 * <p><b>Native threads per thread.</b> PyTorch keeps its intra-op thread count per native thread (OpenMP's and MKL's
 * settings are thread-local), and DJL sets it only on the thread that starts the engine. Any other thread would run
 * MKL's matrix products with one OpenMP thread per core, which spin against each other and against the caller's other
 * workers (ten times slower at the small batches of training, measured on 2 cores). So every thread that makes a
 * manager here first gets the configured count ({@link #newManager()}).
 */
public final class DjlRuntime {

    /** DJL's name of the engine the project is built on. */
    public static final String ENGINE_NAME = "PyTorch";

    /** System property naming the folder for DJL's engine cache (the extracted PyTorch libraries). */
    public static final String CACHE_PROPERTY = "gfe.djl.cache";

    private static volatile Engine engine;

    /** What the start in progress is doing, for callers that wait for it; null when no start runs. */
    private static volatile String starting;

    /** Whether this thread's native intra-op thread count has been set. */
    private static final ThreadLocal<Boolean> THREAD_CONFIGURED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private DjlRuntime() {
    }

    /** The PyTorch engine, started on first call. Thread-safe. */
    public static Engine engine() {
        return engine(message -> { });
    }

    /**
     * The PyTorch engine, started on first call. Thread-safe.
     *
     * @param status told, before the engine starts, what the start does when it takes long (the first start in an
     *            installation extracts the native libraries); not called when the engine is running already
     */
    public static Engine engine(Consumer<String> status) {
        Engine started = engine;
        if (started != null) {
            return started;
        }
        String inProgress = starting;
        if (inProgress != null) {
            status.accept(inProgress);
        }
        synchronized (DjlRuntime.class) {
            started = engine;
            if (started == null) {
                started = start(status);
                engine = started;
            }
        }
        return started;
    }

    /** Whether the engine has been started in this JVM. */
    public static boolean isStarted() {
        return engine != null;
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

    private static Engine start(Consumer<String> status) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try (ScopedProperties properties = new ScopedProperties()) {
            properties.set("ai.djl.offline", "true");
            properties.setIfAbsent("ai.djl.pytorch.num_threads", "1");
            properties.setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            String cache = System.getProperty(CACHE_PROPERTY);
            if (cache != null && !cache.isBlank()) {
                properties.set("ENGINE_CACHE_DIR", cache.trim());
            }
            String message = extractionMessage();
            if (message != null) {
                starting = message;
                status.accept(message);
            }
            Engine found = Engine.getEngine(ENGINE_NAME);
            if (found == null) {
                throw new IllegalStateException("DJL found no " + ENGINE_NAME + " engine: is the native fragment for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " installed?");
            }
            return found;
        } finally {
            starting = null;
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A message for the user if the start will extract the native libraries (they are not in the cache yet), else
     * null. Follows where DJL's {@code LibUtils} puts them; if that cannot be told, says the start may extract them.
     */
    private static String extractionMessage() {
        Path cache = Utils.getEngineCacheDir("pytorch");
        try {
            Platform platform = Platform.detectPlatform("pytorch");
            Path folder = cache.resolve(platform.getVersion() + '-' + platform.getFlavor() + '-'
                    + platform.getClassifier());
            if (Files.exists(folder.resolve(System.mapLibraryName("torch")))) {
                return null;
            }
            return "Extracting PyTorch's native libraries (about 450 MB, once per installation) to " + folder;
        } catch (RuntimeException | AssertionError e) {
            return "Starting PyTorch (the first start extracts its native libraries, about 450 MB, to " + cache + ")";
        }
    }
}
