package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Double of KNIME's PortObjectZipOutputStream; only the framework (here: the test harness) creates it. */
public class PortObjectZipOutputStream extends ZipOutputStream {
    PortObjectZipOutputStream(final OutputStream out) {
        super(out);
    }
}
