package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** The Learner's view in KNIME's real node framework (driver: LearnerView). */
class LearnerViewInKnimeTest extends InKnime {

    /**
     * What the view draws, kept by the executed node's model: one point per epoch and why training ended, also after
     * the workflow was saved and loaded (KNIME's NodeView needs a display, so the view itself is drawn in the node
     * tests).
     */
    @Test
    void curveAfterExecuteAndAfterLoad() throws Throwable {
        inKnime("LearnerView", "curveAfterExecuteAndAfterLoad");
    }
}
