package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Double of KNIME's PortObjectSpecZipInputStream; only the framework (here: the test harness) creates it. */
public class PortObjectSpecZipInputStream extends ZipInputStream {
    PortObjectSpecZipInputStream(final InputStream in) {
        super(in);
    }
}
