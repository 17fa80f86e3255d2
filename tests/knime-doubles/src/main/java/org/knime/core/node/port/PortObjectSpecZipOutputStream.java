package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Double of KNIME's PortObjectSpecZipOutputStream; only the framework (here: the test harness) creates it. */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {
    PortObjectSpecZipOutputStream(final OutputStream out) {
        super(out);
    }
}
