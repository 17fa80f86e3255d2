package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Double of KNIME's PortObjectZipInputStream; only the framework (here: the test harness) creates it. */
public class PortObjectZipInputStream extends ZipInputStream {
    PortObjectZipInputStream(final InputStream in) {
        super(in);
    }
}
