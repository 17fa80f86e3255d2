package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.knime.core.node.workflow.NodeID;

/** Warnings as KNIME shows them after execution. */
public final class Warnings {

    private Warnings() {
    }

    /** Warnings raised during execute (rows skipped, rows given missing codes) stay on the executed nodes. */
    public static String executeWarningsSurvive() throws Exception {
        try (Wf wf = Wf.create("execute-warnings")) {
            // rows 0, 10, ..., 70 have a missing A001
            NodeID source = wf.tecator(0, 80, m -> m.addInt(TableSourceNodeModel.MISSING_EVERY, 10));
            NodeID learner = wf.learner(2, "16", 1);
            wf.settings(learner, m -> m.addString("missing_values", "SKIP_ROW"));
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.settings(encoder, m -> m.addString("missing_values", "MISSING_CODE"));
            wf.connect(source, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            wf.executeAll();
            return Checks.warning(wf, learner, "8 row(s) with missing cells were skipped") + "; "
                    + Checks.warning(wf, encoder, "8 row(s) with missing cells got missing codes");
        }
    }

    /** The configure-time warning "latent dimension not smaller than the columns" before and after execute. */
    public static String latentDimensionWarningSurvivesExecute() throws Exception {
        try (Wf wf = Wf.create("configure-warning")) {
            NodeID source = wf.tecator(0, 48, m -> m.addString(TableSourceNodeModel.COLUMNS, "water,fat,protein"));
            NodeID learner = wf.learner(3, "8", 1);
            wf.connect(source, 1, learner, 1);
            String before = Checks.warning(wf, learner, "latent dimension (3)", "training columns (3)");
            assertTrue(wf.node(learner).getNodeContainerState().isConfigured(), wf.states());
            wf.executeAll();
            return "before execute: " + before + "; after: " + Checks.warning(wf, learner, "latent dimension (3)");
        }
    }
}
