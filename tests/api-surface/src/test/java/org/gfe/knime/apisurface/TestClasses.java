package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the bytes of a class compiled from the test sources (never loads KNIME classes: only the file). */
final class TestClasses {

    private TestClasses() {
    }

    /** The fixture compiled against the surface (see fixture/UsesKnime53Api.java). */
    static final String FIXTURE = "org.gfe.knime.apisurface.fixture.UsesKnime53Api";

    static byte[] bytes(String binaryName) {
        String resource = "/" + binaryName.replace('.', '/') + ".class";
        try (InputStream in = TestClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file " + resource + " not found on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
