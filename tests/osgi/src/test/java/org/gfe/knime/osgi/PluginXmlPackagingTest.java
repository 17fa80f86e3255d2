package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Everything plugin.xml points at is inside the bundle: the classes KNIME instantiates, the icons, and each node
 * factory's description XML with its icon. A file left out of the jar would only show in KNIME as a missing node.
 */
class PluginXmlPackagingTest {

    @Test
    void everyClassAndIconPluginXmlNamesIsInTheBundle() throws Exception {
        try (BundleJar bundle = new BundleJar(BuiltArtifacts.plugin())) {
            assertTrue(bundle.has("plugin.xml"), "plugin.xml is missing from the bundle");
            PluginXml pluginXml = new PluginXml(bundle.open("plugin.xml"));
            assertFalse(pluginXml.classNames().isEmpty(), "plugin.xml names no class: no node would be registered");
            List<String> missing = new ArrayList<>();
            for (String className : pluginXml.classNames()) {
                String entry = className.replace('.', '/') + ".class";
                if (!bundle.has(entry)) {
                    missing.add(className + " (" + entry + ")");
                }
            }
            for (String icon : pluginXml.icons()) {
                if (!bundle.has(icon)) {
                    missing.add("icon " + icon);
                }
            }
            assertTrue(missing.isEmpty(), "named in plugin.xml but not in the bundle: " + missing);
        }
    }

    @Test
    void everyNodeFactoryHasItsDescriptionAndIcon() throws Exception {
        try (BundleJar bundle = new BundleJar(BuiltArtifacts.plugin())) {
            List<String> factories = new PluginXml(bundle.open("plugin.xml")).nodeFactories();
            assertFalse(factories.isEmpty(), "plugin.xml registers no node");
            List<String> problems = new ArrayList<>();
            for (String factory : factories) {
                String base = factory.replace('.', '/');
                String description = base + ".xml";
                if (!bundle.has(description)) {
                    problems.add(factory + ": node description " + description + " is not in the bundle");
                    continue;
                }
                String icon = new PluginXml(bundle.open(description)).rootIcon();
                // icons are relative to the factory's package, e.g. "./learner.png"
                String iconEntry = URI.create(base.substring(0, base.lastIndexOf('/') + 1)).resolve(icon).toString();
                if (icon.isEmpty() || !bundle.has(iconEntry)) {
                    problems.add(factory + ": node icon '" + icon + "' (" + iconEntry + ") is not in the bundle");
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }
}
