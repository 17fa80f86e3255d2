package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each native fragment attaches to org.gfe.knime on its platform only and really carries PyTorch's libraries:
 * DJL reads native/lib/pytorch.properties and then extracts every library it lists from pytorch/cpu/&lt;classifier&gt;/,
 * so a fragment holding only native/ would start no engine.
 */
class NativeFragmentsTest {

    static List<NativeFragment> fragments() {
        return NativeFragment.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void isAFragmentOfThePluginForItsPlatformOnly(NativeFragment expected) throws IOException {
        try (BundleJar fragment = new BundleJar(expected.jar().get())) {
            assertEquals(expected.symbolicName(), fragment.header("Bundle-SymbolicName"));
            assertEquals(List.of("org.gfe.knime"), fragment.clauseNames("Fragment-Host"));
            assertEquals(expected.platformFilter(), fragment.header("Eclipse-PlatformFilter"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void carriesEveryLibraryItsPropertiesList(NativeFragment expected) throws IOException {
        try (BundleJar fragment = new BundleJar(expected.jar().get())) {
            Properties properties = new Properties();
            try (InputStream in = fragment.open("native/lib/pytorch.properties")) {
                properties.load(in);
            }
            assertEquals(expected.classifier(), properties.getProperty("classifier"));
            assertEquals("cpu", properties.getProperty("flavor"));
            assertTrue(properties.getProperty("version", "").startsWith("2.7.1"), properties.toString());
            List<String> libraries = Arrays.asList(properties.getProperty("libraries", "").split(","));
            assertTrue(libraries.contains(expected.torchLibrary()), "libraries listed: " + libraries);
            for (String library : libraries) {
                String entry = "pytorch/cpu/" + expected.classifier() + "/" + library.trim();
                assertTrue(fragment.has(entry), expected.symbolicName() + " lacks " + entry);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void holdsTheWholeTorchCpuLibrary(NativeFragment expected) throws IOException {
        try (BundleJar fragment = new BundleJar(expected.jar().get())) {
            String entry = "pytorch/cpu/" + expected.classifier() + "/" + expected.torchLibrary();
            var library = fragment.entry(entry);
            assertNotNull(library, expected.symbolicName() + " has no " + entry);
            // the CPU kernels are 190 to 450 MB depending on the platform; a stub or a truncated copy is not
            assertTrue(library.getSize() > 100_000_000L, entry + " is only " + library.getSize() + " bytes");
        }
    }
}
