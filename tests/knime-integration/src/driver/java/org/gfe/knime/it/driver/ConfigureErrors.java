package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.SingleNodeContainer;

/** Configure errors as KNIME shows them: the node's message names the column or setting; the node cannot run. */
public final class ConfigureErrors {

    private ConfigureErrors() {
    }

    public static String encoderOnTableWithoutAModelColumn() throws Exception {
        try (Wf wf = Wf.create("encoder-missing-column")) {
            NodeID full = wf.tecator(0, -1);
            NodeID noFat = wf.tecator(0, -1, m -> m.addString(TableSourceNodeModel.COLUMNS,
                    Checks.tecatorColumnsWithout("fat")));
            NodeID learner = wf.learner(2, "16", 1);
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.connect(full, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(noFat, 1, encoder, 2);
            return Checks.configureError(wf, encoder, "'fat'");
        }
    }

    public static String learnerOnTableWithoutNumericColumn() throws Exception {
        try (Wf wf = Wf.create("learner-no-numbers")) {
            NodeID strings = wf.tecator(0, -1, m -> m.addBoolean(TableSourceNodeModel.AS_STRINGS, true));
            NodeID learner = wf.learner(2, "16", 1);
            wf.connect(strings, 1, learner, 1);
            return Checks.configureError(wf, learner, "no numeric column");
        }
    }

    public static String reconstructorOnTableWithoutLatentColumns() throws Exception {
        try (Wf wf = Wf.create("reconstructor-no-latents")) {
            NodeID full = wf.tecator(0, -1);
            NodeID learner = wf.learner(2, "16", 1);
            NodeID reconstructor = wf.add(Wf.RECONSTRUCTOR);
            wf.connect(full, 1, learner, 1);
            wf.connect(learner, 1, reconstructor, 1);
            wf.connect(full, 1, reconstructor, 2);
            return Checks.configureError(wf, reconstructor, "'z1' to 'z2'");
        }
    }

    /** A flow variable with a value the setting does not allow: the message names the setting and the value. */
    public static String badChoiceFromAFlowVariable() throws Exception {
        try (Wf wf = Wf.create("bad-variable")) {
            wf.wfm().addWorkflowVariables(true, new FlowVariable("gfe_decoder", "TRANSFORMER"));
            NodeID source = wf.tecator(0, 60);
            NodeID learner = wf.learner(2, "16", 1);
            wf.connect(source, 1, learner, 1);
            wf.useVariable(learner, "decoder", "gfe_decoder");
            return Checks.configureError(wf, learner, "'Decoder'", "TRANSFORMER");
        }
    }

    /** Settings a dialog would apply are validated first: KNIME refuses them and the node keeps its settings. */
    public static String invalidSettingsAreRefused() throws Exception {
        try (Wf wf = Wf.create("invalid-settings")) {
            NodeID learner = wf.learner(2, "16", 1);
            InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                    () -> wf.settings(learner, m -> m.addString("hidden_sizes", "64, abc")));
            assertTrue(refused.getMessage().contains("'Hidden layer sizes'") && refused.getMessage().contains("'abc'"),
                    refused.getMessage());
            String kept = ((SingleNodeContainer)wf.node(learner)).getNodeSettings().getNodeSettings("model")
                    .getString("hidden_sizes");
            assertEquals("16", kept);
            return "loadNodeSettings refused: " + refused.getMessage();
        }
    }
}
