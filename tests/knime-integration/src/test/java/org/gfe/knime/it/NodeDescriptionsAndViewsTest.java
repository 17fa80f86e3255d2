package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** What KNIME reads of our nodes besides execution (driver: Descriptions). */
class NodeDescriptionsAndViewsTest extends InKnime {

    /**
     * KNIME parses each node description (4.1 proxy, not the no-description fallback), it validates against
     * KNIME's schema, and the port names KNIME shows come from it.
     */
    @Test
    void nodeDescriptionsParseAndValidate() throws Throwable {
        inKnime("Descriptions", "nodeDescriptionsParseAndValidate");
    }

    /** The model and solver-settings port views build headless, with a summary. */
    @Test
    void portViewsBuildHeadless() throws Throwable {
        inKnime("Descriptions", "portViewsBuildHeadless");
    }
}
