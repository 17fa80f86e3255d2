package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** Cancel during Learner execution (driver: Cancel). */
class CancelTest extends InKnime {

    /**
     * KNIME's cancel stops training within 5 s; the Learner ends configured (not executed) with KNIME's cancel
     * warning; no thread is left in GFE or DJL code; and the node executes again afterwards.
     */
    @Test
    void cancelDuringTraining() throws Throwable {
        inKnime("Cancel", "cancelDuringTraining");
    }
}
