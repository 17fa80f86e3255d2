package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The plugin in a real OSGi framework (Equinox, as in KNIME): with a stand-in org.knime.core 5.3.4, slf4j and the
 * three native fragments installed, the plugin goes ACTIVE, only the fragment of this platform attaches, and DJL,
 * started through the plugin's DjlRuntime from a thread whose context class loader is NOT the bundle's, finds
 * PyTorch in the fragment, extracts it to a fresh cache and computes a gradient. On the Linux x86-64 CI machine the
 * linux fragment attaches and the Windows and macOS ones stay INSTALLED (unresolved); elsewhere the same holds for
 * the fragment of that machine. The cache folder is given as a KNIME admin gives it ({@code -Dgfe.djl.cache}), the
 * first start says it extracts the libraries, and DJL's system properties are gone from the JVM after the start.
 */
class EquinoxLaunchTest {

    private static Framework framework;
    private static Bundle knimeCore;
    private static Bundle slf4jApi;
    private static Bundle slf4jSimple;
    private static Bundle plugin;
    private static final Map<NativeFragment, Bundle> FRAGMENTS = new LinkedHashMap<>();
    private static NativeFragment thisPlatform;
    private static Path djlCache;

    @BeforeAll
    static void launch() throws Exception {
        djlCache = Path.of(BuiltArtifacts.property("gfe.djl.cache"));
        BuiltArtifacts.deleteRecursively(djlCache); // DJL must extract the libraries from the fragment, now

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, BuiltArtifacts.freshWorkDir("equinox").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // strict class loading: a package the manifest forgets to import fails here instead of in KNIME
        config.put("osgi.compatibility.bootdelegation", "false");
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("Equinox is not on the test class path"))
                .newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        knimeCore = install(context, BuiltArtifacts.knimeCore());
        slf4jApi = install(context, BuiltArtifacts.slf4jApi());
        slf4jSimple = install(context, BuiltArtifacts.slf4jSimple());
        plugin = install(context, BuiltArtifacts.plugin());
        for (NativeFragment fragment : NativeFragment.all()) {
            FRAGMENTS.put(fragment, install(context, fragment.jar().get()));
        }
        String os = context.getProperty("osgi.os");
        String arch = context.getProperty("osgi.arch");
        thisPlatform = NativeFragment.all().stream().filter(f -> f.matches(os, arch)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no native fragment is built for " + os + "/" + arch));
        framework.adapt(FrameworkWiring.class).resolveBundles(null);
        plugin.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    void pluginIsActiveAndOnlyThisPlatformsFragmentAttaches() {
        assertEquals("org.knime.core", knimeCore.getSymbolicName());
        assertEquals(Bundle.RESOLVED, knimeCore.getState(), "the org.knime.core stand-in did not resolve");
        assertEquals(Bundle.ACTIVE, plugin.getState(), "org.gfe.knime is not ACTIVE");
        FRAGMENTS.forEach((fragment, bundle) -> {
            int expected = fragment == thisPlatform ? Bundle.RESOLVED : Bundle.INSTALLED;
            assertEquals(expected, bundle.getState(), fragment + " fragment on " + thisPlatform);
        });
        List<Bundle> attached = plugin.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)
                .stream().map(w -> w.getRequirerWiring().getBundle()).toList();
        assertEquals(List.of(FRAGMENTS.get(thisPlatform)), attached);
    }

    @Test
    void pluginGetsSlf4jFromTheFrameworkAndNeedsNoJnaNorCommonsCompress() {
        Map<String, Bundle> importedFrom = new HashMap<>();
        for (BundleWire wire : plugin.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            importedFrom.put((String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    wire.getProviderWiring().getBundle());
        }
        assertSame(slf4jApi, importedFrom.get("org.slf4j"));
        assertEquals(Bundle.RESOLVED, slf4jSimple.getState());
        // nothing here exports JNA or commons-compress, so the gradient test below proves DJL runs without them
        assertTrue(Stream.of(framework.getBundleContext().getBundles())
                .noneMatch(b -> b.getSymbolicName().contains("jna") || b.getSymbolicName().contains("commons")));
    }

    @Test
    void djlStartsPytorchFromTheFragmentAndComputesAGradient() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.engine.Engine"),
                "DJL must not be on the test class path, or this test would not test the bundle");
        ClassLoader bundleLoader = plugin.adapt(BundleWiring.class).getClassLoader();
        assertNotSame(bundleLoader, Thread.currentThread().getContextClassLoader());

        Class<?> runtime = plugin.loadClass("org.gfe.knime.core.engine.DjlRuntime");
        List<String> status = new java.util.ArrayList<>();
        Consumer<String> listener = status::add;
        Object engine = runtime.getMethod("engine", Consumer.class).invoke(null, listener);
        assertEquals("PyTorch", engine.getClass().getMethod("getEngineName").invoke(engine));
        assertEquals("2.7.1", engine.getClass().getMethod("getVersion").invoke(engine));
        assertSame(bundleLoader, engine.getClass().getClassLoader(), "DJL must run from the bundle's class loader");
        try (Stream<Path> files = Files.walk(djlCache)) {
            String library = thisPlatform.torchLibrary();
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(library)),
                    library + " was not extracted from the fragment into " + djlCache + " (-Dgfe.djl.cache)");
        }
        assertEquals(1, status.size(), "one message for the first extraction: " + status);
        assertTrue(status.get(0).startsWith("Extracting PyTorch's native libraries")
                && status.get(0).contains(djlCache.toString()), status.get(0));
        for (String property : List.of("ai.djl.offline", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads", "ENGINE_CACHE_DIR", "DJL_CACHE_DIR")) {
            assertNull(System.getProperty(property), property + " must not stay set in the JVM after the start");
        }
        Class<?> jni = bundleLoader.loadClass("ai.djl.pytorch.jni.JniUtils");
        assertEquals(1, jni.getMethod("getNumThreads").invoke(null), "PyTorch gets one intra-op thread");
        List<String> later = new java.util.ArrayList<>();
        Consumer<String> laterListener = later::add;
        runtime.getMethod("engine", Consumer.class).invoke(null, laterListener);
        assertEquals(List.of(), later, "the running engine says nothing");

        float[] gradient;
        try (AutoCloseable manager = (AutoCloseable) runtime.getMethod("newManager").invoke(null)) {
            gradient = SmallTanhProblem.gradientWithDjl(new DjlReflection(bundleLoader), manager);
        }
        assertArrayEquals(SmallTanhProblem.gradientByFiniteDifferences(), gradient, 1e-3f);
    }

    @Test
    void everyClassPluginXmlNamesLoadsAgainstKnimeCore() throws Exception {
        ClassLoader bundleLoader = plugin.adapt(BundleWiring.class).getClassLoader();
        List<String> classNames = new PluginXml(plugin.getEntry("plugin.xml").openStream()).classNames();
        assertTrue(classNames.size() >= 4, "plugin.xml names too few classes: " + classNames);
        for (String className : classNames) {
            // loading links the class to its KNIME superclasses and interfaces through Require-Bundle
            Class<?> loaded = bundleLoader.loadClass(className);
            assertSame(bundleLoader, loaded.getClassLoader(), className);
            assertTrue(hasKnimeAncestor(loaded), className + " extends or implements no type of org.knime.core");
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theLearnerViewAndItsEmbeddedChartLibraryLoadAndDraw() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.knowm.xchart.XYChart"),
                "XChart must not be on the test class path, or this test would not test the bundle");
        ClassLoader bundleLoader = plugin.adapt(BundleWiring.class).getClassLoader();
        // linking the view checks its KNIME superclass (NodeView) and the Swing and XChart classes it uses
        Class<?> view = Class.forName("org.gfe.knime.node.learner.GfeLearnerNodeView", true, bundleLoader);
        assertTrue(hasKnimeAncestor(view), "the view extends KNIME's NodeView");
        Class<?> xyChart = plugin.loadClass("org.knowm.xchart.XYChart");
        assertSame(bundleLoader, xyChart.getClassLoader(), "XChart is embedded in the bundle");

        // a two-epoch curve drawn by the bundle's chart class, with XChart from the bundle's class path
        Class<?> curve = plugin.loadClass("org.gfe.knime.node.learner.LearningCurve");
        Class<?> status = plugin.loadClass("org.gfe.knime.node.learner.LearningCurve$Status");
        Class<?> point = plugin.loadClass("org.gfe.knime.node.learner.LearningCurve$EpochPoint");
        java.lang.reflect.Constructor<?> newPoint = point.getConstructor(String.class, int.class, double.class,
                double.class, int.class, boolean.class);
        Object finished = Enum.valueOf((Class<Enum>) status, "FINISHED");
        Object twoEpochs = curve.getConstructor(status, int.class, int.class, List.class, String.class,
                String.class).newInstance(finished, 2, 3, List.of(newPoint.newInstance("TRAINING", 1, 0.8, 0.9, 3,
                        true), newPoint.newInstance("TRAINING", 2, 0.3, 0.4, 3, true)), "Finished.", "");
        Class<?> chart = plugin.loadClass("org.gfe.knime.node.learner.LearningCurveChart");
        java.awt.image.BufferedImage image = (java.awt.image.BufferedImage) chart.getMethod("image", curve,
                int.class, int.class).invoke(null, twoEpochs, 320, 200);
        assertEquals(320, image.getWidth());
        Object drawn = chart.getMethod("chart", curve, int.class, int.class).invoke(null, twoEpochs, 320, 200);
        assertSame(xyChart, drawn.getClass());
        Map<String, ?> series = (Map<String, ?>) xyChart.getMethod("getSeriesMap").invoke(drawn);
        assertEquals(List.of("Training loss", "Validation loss"), List.copyOf(series.keySet()));
    }

    /** Whether a superclass or interface, at any depth, comes from the org.knime.core bundle. */
    private static boolean hasKnimeAncestor(Class<?> type) {
        java.util.Deque<Class<?>> open = new java.util.ArrayDeque<>(List.of(type));
        while (!open.isEmpty()) {
            Class<?> next = open.pop();
            if (FrameworkUtil.getBundle(next) == knimeCore) {
                return true;
            }
            if (next.getSuperclass() != null) {
                open.push(next.getSuperclass());
            }
            open.addAll(List.of(next.getInterfaces()));
        }
        return false;
    }

    private static Bundle install(BundleContext context, Path jar) throws Exception {
        return context.installBundle(jar.toUri().toString());
    }
}
