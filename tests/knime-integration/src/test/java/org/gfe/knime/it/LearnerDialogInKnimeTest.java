package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** The Learner's dialog built by KNIME's own components (driver: Dialogs). */
class LearnerDialogInKnimeTest extends InKnime {

    /** Auto sizing on for a new node, its fields disabled and a line saying so; off enables them; settings applied. */
    @Test
    void autoSizingDisablesTheSizesAndSaysSo() throws Throwable {
        inKnime("Dialogs", "learnerDialog");
    }
}
