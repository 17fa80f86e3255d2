package org.gfe.knime.node;

import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.node.encoder.GfeEncoderNodeFactory;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.gfe.knime.node.solver.SolverSettingsNodeModel;

/** The four nodes in a harness, configured for fast tests (small decoders, a short flow). */
final class GfeNodes {

    /** End time of the flow in tests: AMD converges well before it on the small decoders used here. */
    static final double FAST_TAU = 1000;

    private GfeNodes() {
    }

    static NodeHarness<SolverSettingsNodeModel> solver() {
        return NodeHarness.of(new SolverSettingsNodeFactory());
    }

    /** The Solver Settings node's output with tau = {@value #FAST_TAU}. */
    static SolverSettingsPortObject fastSolver() throws Exception {
        NodeHarness<SolverSettingsNodeModel> node = solver();
        node.edit().setDouble("tau", FAST_TAU);
        return node.execute().port(0, SolverSettingsPortObject.class);
    }

    /**
     * A Learner with a small MLP decoder of these sizes, trained for exactly these epochs (no sizing to the data, no
     * early stopping), MSE on z-scored columns; otherwise the defaults of new nodes (per-epoch history).
     */
    static NodeHarness<GfeLearnerNodeModel> learner(int latentDimension, String hiddenSizes, int epochs) {
        NodeHarness<GfeLearnerNodeModel> node = NodeHarness.of(new GfeLearnerNodeFactory());
        node.edit().setInt("latent_dimension", latentDimension).setString("decoder", "MLP")
                .setBoolean("auto_size", false).setBoolean("early_stopping", false)
                .setString("hidden_sizes", hiddenSizes).setInt("epochs", epochs).setInt("batch_size", 16)
                .setDouble("learning_rate", 1e-3).setString("loss", "MSE").setString("normalisation", "Z_SCORE");
        return node;
    }

    /** A Learner with the defaults of a new node (linear + MLP decoder, everything sized to the data). */
    static NodeHarness<GfeLearnerNodeModel> defaultLearner() {
        return NodeHarness.of(new GfeLearnerNodeFactory());
    }

    static NodeHarness<GfeEncoderNodeModel> encoder() {
        return NodeHarness.of(new GfeEncoderNodeFactory());
    }

    static NodeHarness<GfeReconstructorNodeModel> reconstructor() {
        return NodeHarness.of(new GfeReconstructorNodeFactory());
    }
}
