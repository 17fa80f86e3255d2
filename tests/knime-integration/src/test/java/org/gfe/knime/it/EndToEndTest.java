package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** The four GFE nodes in one real KNIME workflow on tecator (driver: EndToEnd). */
class EndToEndTest extends InKnime {

    /** Outputs have the expected columns and rows, configure's specs match, reconstruction error far below means. */
    @Test
    void fourNodesOnTecator() throws Throwable {
        inKnime("EndToEnd", "fourNodesOnTecator");
    }
}
