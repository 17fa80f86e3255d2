package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;

/** A workflow variable controlling the Learner's latent dimension changes what the Encoder writes. */
public final class FlowVariables {

    private FlowVariables() {
    }

    public static String latentDimensionFromAFlowVariable() throws Exception {
        try (Wf wf = Wf.create("flow-variable")) {
            wf.wfm().addWorkflowVariables(true, new FlowVariable("gfe_latent", 3));
            NodeID source = wf.tecator(0, 60);
            NodeID learner = wf.learner(2, "16", 1);
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.connect(source, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            wf.useVariable(learner, "latent_dimension", "gfe_latent");
            wf.executeAll();
            assertEquals(List.of("z1", "z2", "z3"), latentColumns(wf, encoder), "the variable's 3 beats the setting's 2");

            wf.wfm().addWorkflowVariables(false, new FlowVariable("gfe_latent", 4));
            wf.executeAll();
            assertEquals(List.of("z1", "z2", "z3", "z4"), latentColumns(wf, encoder), "after the variable became 4");
            return "latent columns follow the variable gfe_latent: 3 then 4 (setting says 2)";
        }
    }

    private static List<String> latentColumns(Wf wf, NodeID encoder) {
        return Tables.columns(wf.table(encoder, 1).getDataTableSpec()).stream().filter(c -> c.matches("z\\d+"))
                .toList();
    }
}
