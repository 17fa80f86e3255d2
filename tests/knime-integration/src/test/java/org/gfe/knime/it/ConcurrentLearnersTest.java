package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** Two Learners of one workflow on KNIME's thread pool at once (driver: ConcurrentLearners). */
class ConcurrentLearnersTest extends InKnime {

    /** Both execute at the same time, both finish, and both models are byte-identical to one trained alone. */
    @Test
    void twoLearnersAtOnceGiveTheModelOfOneAlone() throws Throwable {
        inKnime("ConcurrentLearners", "twoLearnersAtOnceGiveTheModelOfOneAlone");
    }
}
