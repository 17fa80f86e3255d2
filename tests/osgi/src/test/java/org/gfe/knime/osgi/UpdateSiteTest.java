package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The zipped update site holds our feature and bundles only, and states what it needs from KNIME. */
class UpdateSiteTest {

    private static final List<String> OUR_BUNDLES = List.of("org.gfe.knime", "org.gfe.knime.natives.linux.x86_64",
            "org.gfe.knime.natives.osx.aarch64", "org.gfe.knime.natives.win.x86_64");

    private static P2Metadata site;

    @BeforeAll
    static void read() throws Exception {
        site = new P2Metadata(BuiltArtifacts.siteZip());
    }

    @Test
    void holdsOnlyOurFeatureAndBundles() {
        List<String> artifacts = site.artifactKeys().stream().sorted().toList();
        List<String> expected = new java.util.ArrayList<>(List.of("org.eclipse.update.feature/org.gfe.knime.feature"));
        OUR_BUNDLES.forEach(b -> expected.add("osgi.bundle/" + b));
        assertEquals(expected.stream().sorted().toList(), artifacts);
        List<String> jars = site.files().stream().filter(f -> f.startsWith("plugins/") || f.startsWith("features/"))
                .toList();
        assertEquals(5, jars.size(), "jars in the site: " + jars);
        assertTrue(jars.stream().allMatch(f -> f.matches("(plugins|features)/org\\.gfe\\.knime[^/]*\\.jar")), "" + jars);
    }

    @Test
    void requiresKnimeCoreFrom53UpTo6() {
        assertTrue(P2Metadata.requirements(site.unit("org.gfe.knime"))
                .contains("osgi.bundle/org.knime.core [5.3.0,6.0.0)"));
        assertTrue(P2Metadata.requirements(site.unit("org.gfe.knime.feature.feature.group"))
                .contains("org.eclipse.equinox.p2.iu/org.knime.core [5.3.0,6.0.0)"));
        assertTrue(site.units().stream().map(u -> u.getAttribute("id"))
                .noneMatch(id -> id.startsWith("org.knime") || id.contains("slf4j")),
                "KNIME's own bundles must not be in the site");
    }

    @Test
    void eachNativeFragmentIsFilteredToItsPlatform() {
        assertEquals("(&(osgi.arch=x86_64)(osgi.os=linux))",
                P2Metadata.filter(site.unit("org.gfe.knime.natives.linux.x86_64")));
        assertEquals("(&(osgi.arch=x86_64)(osgi.os=win32))",
                P2Metadata.filter(site.unit("org.gfe.knime.natives.win.x86_64")));
        assertEquals("(&(osgi.arch=aarch64)(osgi.os=macosx))",
                P2Metadata.filter(site.unit("org.gfe.knime.natives.osx.aarch64")));
    }

    @Test
    void theFeatureRequiresAPlatformWithNativeLibraries() throws Exception {
        assertTrue(P2Metadata.requirements(site.unit("org.gfe.knime.feature.feature.group"))
                .contains("org.eclipse.equinox.p2.iu/org.gfe.knime.supported.platform [1.0.0,2.0.0)"));
        org.osgi.framework.Filter filter = org.osgi.framework.FrameworkUtil.createFilter(
                P2Metadata.filter(site.unit("org.gfe.knime.supported.platform")));
        assertTrue(filter.matches(java.util.Map.of("osgi.os", "linux", "osgi.arch", "x86_64")));
        assertTrue(filter.matches(java.util.Map.of("osgi.os", "win32", "osgi.arch", "x86_64")));
        assertTrue(filter.matches(java.util.Map.of("osgi.os", "macosx", "osgi.arch", "aarch64")));
        assertFalse(filter.matches(java.util.Map.of("osgi.os", "macosx", "osgi.arch", "x86_64")));
        assertFalse(filter.matches(java.util.Map.of("osgi.os", "linux", "osgi.arch", "aarch64")));
        assertFalse(filter.matches(java.util.Map.of("osgi.os", "win32", "osgi.arch", "aarch64")));
    }

    @Test
    void offersTheFeatureInACategory() {
        Element category = site.units().stream()
                .filter(u -> u.getElementsByTagName("property").getLength() > 0 && hasProperty(u,
                        "org.eclipse.equinox.p2.type.category", "true"))
                .findFirst().orElseThrow(() -> new AssertionError("the site has no category"));
        assertTrue(P2Metadata.requirements(category).stream()
                .anyMatch(r -> r.startsWith("org.eclipse.equinox.p2.iu/org.gfe.knime.feature.feature.group ")));
    }

    private static boolean hasProperty(Element unit, String name, String value) {
        var properties = unit.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals(name) && p.getAttribute("value").equals(value)) {
                return true;
            }
        }
        return false;
    }
}
