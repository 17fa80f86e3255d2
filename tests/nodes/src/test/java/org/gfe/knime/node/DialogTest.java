package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.SettingsEditor;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeFactory;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;

/** Each dialog shows the node's settings and saves them back unchanged, with the settings version. */
class DialogTest {

    private static final DataTableSpec TABLE = Tables.doubleSpec("a", "b", "z1");
    private static final GfeModelPortObjectSpec MODEL = new GfeModelPortObjectSpec(1, List.of("a", "b"),
            List.of(DoubleCell.TYPE, DoubleCell.TYPE), "MSE", "Z_SCORE", new int[] {4}, "ELU");

    @Test
    void solverDialogKeepsTheSettings() throws Exception {
        NodeHarness<?> node = NodeHarness.of(new SolverSettingsNodeFactory());
        node.edit().setString("integrator", "RK4").setDouble("tau", 50).setInt("grid_points", 11);
        assertRoundTrip(node, node.dialogRoundTrip());
    }

    @Test
    void learnerDialogKeepsTheSettings() throws Exception {
        NodeHarness<?> node = NodeHarness.of(new GfeLearnerNodeFactory());
        node.edit().setInt("latent_dimension", 1).setString("hidden_sizes", "32, 16").setDouble("learning_rate", 1e-4);
        assertRoundTrip(node, node.dialogRoundTrip(TABLE, null));
    }

    @Test
    void encoderDialogKeepsTheSettings() throws Exception {
        NodeHarness<?> node = NodeHarness.of(new GfeEncoderNodeFactory());
        node.edit().setString("latent_prefix", "code").setBoolean("diagnostics", true);
        assertRoundTrip(node, node.dialogRoundTrip(MODEL, TABLE, null));
    }

    @Test
    void reconstructorDialogKeepsTheSettings() throws Exception {
        NodeHarness<?> node = NodeHarness.of(new GfeReconstructorNodeFactory());
        node.edit().setString("column_suffix", " fit").setBoolean("impute_missing", true);
        assertRoundTrip(node, node.dialogRoundTrip(MODEL, TABLE));
    }

    /** The node reads the dialog's settings as it read the ones the dialog was opened with. */
    private static void assertRoundTrip(NodeHarness<? extends NodeModel> node, NodeSettings fromDialog)
            throws Exception {
        node.applySettings();
        String expected = SettingsEditor.of(node.savedSettings()).toXml();
        node.withSettings(fromDialog).applySettings();
        assertEquals(expected, SettingsEditor.of(node.savedSettings()).toXml());
    }
}
