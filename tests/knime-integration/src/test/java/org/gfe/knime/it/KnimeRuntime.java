package org.gfe.knime.it;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The real KNIME 5.3 core in Equinox, once per JVM: KNIME's bundles from {@code -Dknime.bundles}, the third-party
 * bundles Maven resolved, our built plugin and native fragment, and the test driver bundle compiled now from
 * {@code src/driver} ({@link DriverBundle}). Test code runs inside the driver bundle through {@link #call}.
 *
 * <p>Where no KNIME bundles are found, {@link #available()} is false and one line says so; the tests then skip.
 */
public final class KnimeRuntime {

    /** Started eagerly and in this order, as Eclipse's own launcher does; the rest by their activation policy. */
    private static final List<String> EAGER = List.of("org.eclipse.equinox.common", "org.eclipse.equinox.registry",
            "org.eclipse.equinox.preferences", "org.eclipse.core.jobs", "org.eclipse.core.runtime");

    /** Packages of the test class path the driver bundle imports from the system bundle (JUnit's assertions). */
    static final String SYSTEM_PACKAGES_EXTRA = "org.junit.jupiter.api;version=\"5.14\","
            + "org.junit.jupiter.api.function;version=\"5.14\",org.opentest4j;version=\"1.3\"";

    private static KnimeRuntime instance;

    private final String unavailable;
    private Framework framework;
    private Bundle driver;
    private String summary;
    private long started;

    private KnimeRuntime(String unavailable) {
        this.unavailable = unavailable;
    }

    /** The runtime of this JVM, started on first use (or the reason there is none). */
    public static synchronized KnimeRuntime get() {
        if (instance == null) {
            Path bundles = knimeBundlesFolder();
            if (bundles == null) {
                instance = new KnimeRuntime("no KNIME bundles at '" + System.getProperty("knime.bundles")
                        + "' (set -Dknime.bundles=<folder with org.knime.core>, e.g. a KNIME installation's plugins)");
                System.out.println("[knime-integration] SKIPPED: " + instance.unavailable
                        + "; the tests on the real KNIME core are skipped.");
            } else {
                KnimeRuntime runtime = new KnimeRuntime(null);
                try {
                    runtime.start(bundles, Settings.workDir().resolve(Settings.jvmName()));
                } catch (Exception e) {
                    throw new IllegalStateException("The KNIME runtime did not start: " + e.getMessage(), e);
                }
                instance = runtime;
                Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "knime-runtime-stop"));
            }
        }
        return instance;
    }

    public boolean available() {
        return unavailable == null;
    }

    public String unavailableReason() {
        return unavailable;
    }

    /** A one-line account of the assembled runtime. */
    public String summary() {
        return summary;
    }

    /** The folder named by -Dknime.bundles, if it holds org.knime.core. */
    private static Path knimeBundlesFolder() {
        String property = System.getProperty("knime.bundles");
        if (property == null || property.isBlank()) {
            return null;
        }
        Path folder = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try {
            return RuntimeBundles.knimeBundles(folder).containsKey("org.knime.core") ? folder : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Seconds since this JVM's runtime began to start. */
    public double secondsSinceStart() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void start(Path knimeFolder, Path work) throws Exception {
        long start = System.nanoTime();
        started = start;
        Settings.deleteRecursively(work);
        Files.createDirectories(work);

        Map<String, RuntimeBundles.Entry> knime = RuntimeBundles.knimeBundles(knimeFolder);
        List<RuntimeBundles.Entry> thirdParty = RuntimeBundles.thirdParty(
                RuntimeBundles.readList(Settings.file("gfe.third.party.list")), Settings.workDir().resolve("bundles"),
                knime.keySet());
        List<RuntimeBundles.Entry> all = new ArrayList<>(knime.values());
        all.add(RuntimeBundles.nodeRepositoryStub(Settings.workDir().resolve("bundles")));
        all.addAll(thirdParty);
        all.add(new RuntimeBundles.Entry("org.gfe.knime", Settings.file("gfe.bundle.plugin"), "reactor"));
        all.add(new RuntimeBundles.Entry("org.gfe.knime.natives", Settings.file("gfe.bundle.natives"), "reactor"));
        Path driverJar = DriverBundle.build(all, Settings.workDir().resolve("driver"));
        all.add(new RuntimeBundles.Entry(DriverBundle.SYMBOLIC_NAME, driverJar, "driver"));

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("configuration").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.instance.area", work.resolve("instance").toUri().toString());
        config.put("osgi.user.area", work.resolve("user").toUri().toString());
        config.put("osgi.install.area", work.resolve("install").toUri().toString());
        config.put("osgi.compatibility.bootdelegation", "true");
        config.put("eclipse.ignoreApp", "true");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("Equinox is not on the test class path"))
                .newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        Map<String, Bundle> installed = new LinkedHashMap<>();
        for (RuntimeBundles.Entry entry : all) {
            Bundle bundle = context.installBundle("reference:" + entry.file().toUri());
            installed.put(entry.symbolicName(), bundle);
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(null);
        // fragments of other platforms stay INSTALLED by design; only bundles count as unresolved
        List<String> unresolved = installed.values().stream().filter(b -> b.getState() == Bundle.INSTALLED)
                .filter(b -> b.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .map(Bundle::getSymbolicName).toList();
        for (String required : List.of("org.knime.core", "org.gfe.knime", "org.gfe.knime.natives",
                DriverBundle.SYMBOLIC_NAME)) {
            Bundle bundle = installed.get(required);
            if (bundle == null || bundle.getState() == Bundle.INSTALLED) {
                throw new IllegalStateException(required + " did not resolve; unresolved bundles: " + unresolved
                        + diagnose(bundle));
            }
        }
        for (String name : EAGER) {
            Bundle bundle = installed.get(name);
            if (bundle != null) {
                bundle.start();
            }
        }
        for (Bundle bundle : installed.values()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() == Bundle.RESOLVED) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    // a bundle KNIME does not need here (e.g. UI of a full installation) may fail to start
                }
            }
        }
        driver = installed.get(DriverBundle.SYMBOLIC_NAME);
        Map<String, Long> byOrigin = all.stream()
                .collect(Collectors.groupingBy(RuntimeBundles.Entry::origin, LinkedHashMap::new, Collectors.counting()));
        long resolved = installed.values().stream().filter(b -> b.getState() != Bundle.INSTALLED).count();
        summary = String.format(Locale.ROOT, "%d bundles %s, %d resolved%s, started in %.1f s (KNIME from %s)",
                installed.size(), byOrigin, resolved, unresolved.isEmpty() ? "" : ", unresolved " + unresolved,
                (System.nanoTime() - start) / 1e9, knimeFolder);
        System.out.println("[knime-integration] runtime: " + summary);
    }

    private static String diagnose(Bundle bundle) {
        if (bundle == null) {
            return "";
        }
        try {
            bundle.start();
            return "";
        } catch (BundleException e) {
            return "; " + e.getMessage();
        }
    }

    /**
     * Runs {@code className.method(args)} (a public static method of the driver bundle, class name relative to
     * {@code org.gfe.knime.it.driver}) inside the framework and returns its result. What it throws is thrown here
     * unwrapped, so a failed JUnit assertion in the driver fails the calling test.
     */
    public Object call(String className, String method, Object... args) throws Throwable {
        if (!available()) {
            throw new IllegalStateException(unavailable);
        }
        Class<?> type = driver.loadClass(DriverBundle.PACKAGE + "." + className);
        Method target = null;
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                target = candidate;
            }
        }
        if (target == null) {
            throw new NoSuchMethodException(type.getName() + "." + method + " with " + args.length + " argument(s)");
        }
        try {
            return target.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void stop() {
        try {
            if (driver != null) {
                call("Projects", "closeAll");
            }
        } catch (Throwable e) {
            // best effort at JVM exit
        }
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (Exception e) {
            // best effort at JVM exit
        }
    }
}
