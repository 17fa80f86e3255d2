package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.SettingsEditor;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObjectSpec;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.solver.SolverSettingsModels;
import org.gfe.knime.node.solver.SolverSettingsNodeModel;
import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * The Solver Settings node's newer options: the stationarity tolerance (per-row AMD; older settings load it as 0, off)
 * reaches the model a Learner trains with it; the start "linear least-squares code (PCA score)" is offered by its
 * label and needs a linear + MLP model, which the Learner and the Encoder say clearly otherwise.
 */
class SolverSettingsNodeTest {

    private static SolverSettingsPortObject solver(String key, Object value) throws Exception {
        NodeHarness<SolverSettingsNodeModel> node = GfeNodes.solver();
        node.edit().setDouble("tau", GfeNodes.FAST_TAU);
        if (value instanceof Double number) {
            node.edit().setDouble(key, number);
        } else {
            node.edit().setString(key, (String) value);
        }
        return node.execute().port(0, SolverSettingsPortObject.class);
    }

    @Test
    void theStationarityToleranceRoundTripsAndReachesTheModel() throws Exception {
        SolverSettingsPortObject port = solver("stationarity_tolerance", 1e-4);
        assertEquals(1e-4, port.settings().stationarityTolerance());
        NodeHarness<SolverSettingsNodeModel> node = GfeNodes.solver();
        node.edit().setDouble("stationarity_tolerance", 1e-4);
        node.applySettings();
        assertEquals(1e-4, SettingsEditor.of(node.savedSettings()).getDouble("stationarity_tolerance"),
                "saved and loaded back");
        assertEquals(SolverSettingsModels.VERSION, SettingsEditor.of(node.savedSettings())
                .getInt(VersionedSettings.VERSION_KEY));

        GfeModelPortObject model = GfeNodes.learner(2, "8", 1).execute(SmallData.table(30, 4), port)
                .port(0, GfeModelPortObject.class);
        try (GfeModel opened = model.openModel()) {
            assertEquals(1e-4, opened.solverSettings().stationarityTolerance(), "the model's default solver");
        }
        assertTrue(model.description().contains("Start of the flow: Seeded random in [0, 1), seed 2020"),
                model.description());
    }

    @Test
    void versionOneSolverSettingsLoadWithoutTheStationarityTest() throws Exception {
        SettingsEditor v1;
        try (InputStream in = getClass().getResourceAsStream("/settings/solver-v1.xml")) {
            v1 = SettingsEditor.of(SettingsEditor.fromXml(in.readAllBytes()));
        }
        assertEquals(1, v1.getInt(VersionedSettings.VERSION_KEY), "the fixture is what version 1 saved");
        assertFalse(v1.contains("stationarity_tolerance"));
        NodeHarness<SolverSettingsNodeModel> node = GfeNodes.solver().withSettings(v1.settings());
        SolverSettings settings = node.execute().port(0, SolverSettingsPortObject.class).settings();
        assertEquals(SolverSettings.defaults(), settings, "version 1 settings give what they gave");
        assertEquals(0, settings.stationarityTolerance());
    }

    @Test
    void theLinearStartIsOfferedByItsLabel() throws IOException {
        assertEquals("Linear least-squares code (PCA score)",
                GfeChoices.INITIAL_STATE.label(InitialState.LINEAR_PROJECTION));
        assertTrue(GfeChoices.INITIAL_STATE.description(InitialState.LINEAR_PROJECTION)
                .contains("linear (PCA start) plus MLP correction"));
    }

    @Test
    void theLearnerRefusesTheLinearStartForADecoderWithoutALinearPart() throws Exception {
        SolverSettingsPortObject linearStart = solver("z0", "LINEAR_PROJECTION");
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> learner.configure(Tables.doubleSpec(SmallData.COLUMNS), linearStart.getSpec()));
        assertEquals("The Solver Settings input starts each row's flow at its 'Linear least-squares code (PCA"
                + " score)', which needs the decoder 'Linear (PCA start) plus MLP correction'; the Learner's decoder"
                + " is 'Fully connected (MLP)'. Choose another start of the flow in the Solver Settings node (e.g."
                + " 'Seeded random in [0, 1)'), or the decoder 'Linear (PCA start) plus MLP correction' here.",
                e.getMessage());
        // the linear + MLP decoder takes it
        NodeHarness<GfeLearnerNodeModel> linear = GfeNodes.defaultLearner();
        linear.edit().setBoolean("auto_size", false).setInt("epochs", 2).setString("hidden_sizes", "8");
        ExecutionResult<GfeLearnerNodeModel> trained = linear.execute(SmallData.table(40, 5), linearStart);
        try (GfeModel model = trained.port(0, GfeModelPortObject.class).openModel()) {
            assertEquals(InitialState.LINEAR_PROJECTION, model.solverSettings().initialState());
        }
    }

    @Test
    void theEncoderRefusesTheLinearStartForAModelWithoutALinearPart() throws Exception {
        SolverSettingsPortObject linearStart = solver("z0", "LINEAR_PROJECTION");
        GfeModelPortObject mlp = GfeNodes.learner(2, "8", 1).execute(SmallData.table(30, 6), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
        String expected = "The Solver Settings input starts each row's flow at its 'Linear least-squares code (PCA"
                + " score)', which needs the decoder 'Linear (PCA start) plus MLP correction'; the model's decoder is"
                + " 'Fully connected (MLP)'. Choose another start of the flow in the Solver Settings node (e.g."
                + " 'Seeded random in [0, 1)'), or a model trained with the decoder 'Linear (PCA start) plus MLP"
                + " correction'.";
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        InvalidSettingsException atConfigure = assertThrows(InvalidSettingsException.class, () -> encoder.configure(
                mlp.getSpec(), Tables.doubleSpec(SmallData.COLUMNS), linearStart.getSpec()));
        assertEquals(expected, atConfigure.getMessage());
        assertEquals("MLP", new GfeModelPortObjectSpec(2, List.of(SmallData.COLUMNS), java.util.Collections
                .nCopies(6, DoubleCell.TYPE), "MSE", "Z_SCORE", new int[] {8}, "ELU").decoderKind(),
                "an MLP's spec records its kind");
        Exception atExecute = assertThrows(InvalidSettingsException.class,
                () -> GfeNodes.encoder().execute(mlp, SmallData.table(5, 7), linearStart));
        assertEquals(expected, atExecute.getMessage());
    }

    @Test
    void theSolverSpecOfALinearStartSaysSo() throws Exception {
        SolverSettingsPortObjectSpec spec = solver("z0", "LINEAR_PROJECTION").getSpec();
        assertEquals(InitialState.LINEAR_PROJECTION, spec.settings().initialState());
    }
}
