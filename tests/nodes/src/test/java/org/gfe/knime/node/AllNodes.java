package org.gfe.knime.node;

import java.util.stream.Stream;
import org.gfe.knime.node.encoder.GfeEncoderNodeFactory;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;

/** The four node factories, for tests that hold for every node. */
final class AllNodes {

    private AllNodes() {
    }

    static Stream<NodeFactory<? extends NodeModel>> factories() {
        return Stream.of(new SolverSettingsNodeFactory(), new GfeLearnerNodeFactory(), new GfeEncoderNodeFactory(),
                new GfeReconstructorNodeFactory());
    }
}
