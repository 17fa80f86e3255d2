package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.SettingsEditor;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.learner.LearnerSettings;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.settings.VersionedSettings;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;

/**
 * Workflows saved by earlier versions of the Learner keep what they did: settings of versions 1 and 2 (the fixture is
 * what a version-2 node saved, byte for byte) load with their explicit sizes and epochs, without sizing to the data
 * or early stopping, the loss 'Automatic' choosing MSE or binary cross-entropy by the value range, the paper's solver
 * when no Solver Settings node is connected and the per-batch history; also after they are saved again. New nodes
 * get the defaults for tables of measurements.
 */
class LearnerSettingsVersionTest {

    private static final String[] PER_BATCH_COLUMNS = {"Epoch", "Batch", "Rows seen", "Training loss",
        "Elapsed seconds"};

    static NodeSettings versionTwo() throws IOException {
        try (InputStream in = LearnerSettingsVersionTest.class.getResourceAsStream("/settings/learner-v2.xml")) {
            return SettingsEditor.fromXml(in.readAllBytes());
        }
    }

    private static NodeSettings versionOne() throws IOException {
        SettingsEditor v1 = SettingsEditor.of(versionTwo());
        v1.setInt(VersionedSettings.VERSION_KEY, 1).remove("decoder").remove("conv_channels").remove("kernel_size")
                .remove("conv_layers");
        return v1.settings();
    }

    @Test
    void versionTwoSettingsTrainAsVersionTwoDid() throws Exception {
        assertEquals(2, VersionedSettings.storedVersion(versionTwo()), "the fixture is of version 2");
        LearnerSettings settings = new LearnerSettings();
        settings.load(versionTwo());
        TrainingConfig config = settings.toTrainingConfig(null);
        assertEquals(20, config.latentDimension());
        assertEquals(DecoderKind.MLP, config.decoderKind());
        assertArrayEquals(new int[] {150, 300, 600}, config.hiddenSizes());
        assertEquals(10, config.epochs());
        assertEquals(16, config.batchSize());
        assertFalse(config.hasAutoValues(), "nothing sized to the data");
        assertFalse(config.keepBestEpoch());
        assertEquals(-1, config.patience(), "no early stopping");
        assertEquals(SolverSettings.defaults(), config.solver(), "the paper's solver without a Solver Settings node");
        assertEquals(0, config.validationFraction());
    }

    @Test
    void versionOneSettingsLoadAsAnMlp() throws Exception {
        LearnerSettings settings = new LearnerSettings();
        settings.load(versionOne());
        TrainingConfig config = settings.toTrainingConfig(null);
        assertEquals(DecoderKind.MLP, config.decoderKind());
        assertArrayEquals(new int[] {150, 300, 600}, config.hiddenSizes());
        assertEquals(SolverSettings.defaults(), config.solver());
    }

    @Test
    void keysMissingFromVersionZeroSettingsLoadTheOldDefaults() throws Exception {
        SettingsEditor v0 = SettingsEditor.of(versionOne());
        v0.remove(VersionedSettings.VERSION_KEY).remove("epochs").remove("latent_dimension").remove("hidden_sizes");
        LearnerSettings settings = new LearnerSettings();
        settings.load(v0.settings());
        TrainingConfig config = settings.toTrainingConfig(null);
        assertEquals(10, config.epochs(), "the first release's 10 epochs, not a new node's");
        assertEquals(20, config.latentDimension());
        assertArrayEquals(new int[] {150, 300, 600}, config.hiddenSizes());
    }

    @Test
    void aVersionTwoLearnerKeepsItsLossChoicePaperSolverAndPerBatchHistoryAlsoAfterSavingAgain() throws Exception {
        // the fixture with a smaller decoder and two epochs, so it trains fast; the keys stay those of version 2
        SettingsEditor fast = SettingsEditor.of(versionTwo());
        fast.setInt("latent_dimension", 2).setString("hidden_sizes", "8").setInt("epochs", 2);
        NodeHarness<GfeLearnerNodeModel> learner = NodeHarness.of(new GfeLearnerNodeFactory());
        learner.withSettings(fast.settings());
        ExecutionResult<GfeLearnerNodeModel> zScored = learner.execute(SmallData.table(40, 21), null);
        assertTrue(zScored.specMismatches().isEmpty(), zScored.specMismatches().toString());
        assertEquals("AUTO", ((org.gfe.knime.node.port.GfeModelPortObjectSpec) zScored.configuredSpec(0)).loss(),
                "an MLP's 'Automatic' loss is known after training only, as before");
        BufferedDataTable history = zScored.table(1);
        assertArrayEquals(PER_BATCH_COLUMNS, Tables.columnNames(history), "the per-batch table of version 2");
        assertEquals(2 * 3, Tables.rowCount(history), "40 rows in batches of 16: 3 batches per epoch, 2 epochs");
        GfeModelPortObject model = zScored.port(0, GfeModelPortObject.class);
        assertEquals("MSE", model.getSpec().loss(), "'Automatic' on z-scored values: MSE");
        assertEquals("2-8-6 ELU", model.getSpec().architecture());
        try (GfeModel opened = model.openModel()) {
            assertEquals(SolverSettings.defaults(), opened.solverSettings(), "the paper's solver");
        }
        assertEquals(2, zScored.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE));
        assertEquals(2, zScored.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE));
        assertEquals("all epochs", zScored.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        double[] losses = Tables.column(history, "Training loss");
        assertEquals((losses[3] + losses[4] + losses[5]) / 3,
                zScored.flowVariableDouble(GfeLearnerNodeModel.TRAINING_LOSS_VARIABLE), 1e-12,
                "the training loss variable is the kept (last) epoch's mean over its batches");

        // saved again by this version: version 3, still the behaviour of version 2
        NodeSettings savedAgain = SettingsEditor.copy(learner.savedSettings());
        assertEquals(LearnerSettings.VERSION, VersionedSettings.storedVersion(savedAgain));
        SettingsEditor minMax = SettingsEditor.of(savedAgain);
        assertFalse(minMax.getBoolean("auto_size"));
        assertFalse(minMax.getBoolean("early_stopping"));
        assertEquals("PER_BATCH", minMax.getString("history_rows"));
        assertEquals("PAPER_DEFAULTS", minMax.getString("solver_without_port"));
        minMax.setString("normalisation", "MIN_MAX");
        NodeHarness<GfeLearnerNodeModel> reloaded = NodeHarness.of(new GfeLearnerNodeFactory());
        reloaded.withSettings(minMax.settings());
        ExecutionResult<GfeLearnerNodeModel> unit = reloaded.execute(SmallData.table(40, 21), null);
        assertArrayEquals(PER_BATCH_COLUMNS, Tables.columnNames(unit.table(1)));
        assertEquals("BCE", unit.port(0, GfeModelPortObject.class).getSpec().loss(),
                "'Automatic' on min-max values: binary cross-entropy, as version 2 chose");
        try (GfeModel opened = unit.port(0, GfeModelPortObject.class).openModel()) {
            assertEquals(SolverSettings.defaults(), opened.solverSettings());
        }
    }

    @Test
    void newNodesSaveTheDefaultsForTables() throws Exception {
        SettingsEditor defaults = SettingsEditor.of(NodeHarness.of(new GfeLearnerNodeFactory()).settings());
        assertEquals(LearnerSettings.VERSION, defaults.getInt(VersionedSettings.VERSION_KEY));
        assertEquals(3, LearnerSettings.VERSION);
        assertEquals(2, defaults.getInt("latent_dimension"));
        assertEquals("LINEAR_PLUS_MLP", defaults.getString("decoder"));
        assertTrue(defaults.getBoolean("auto_size"));
        assertTrue(defaults.getBoolean("early_stopping"));
        assertFalse(defaults.getBoolean("train_linear_part"));
        assertEquals("PER_EPOCH", defaults.getString("history_rows"));
        assertEquals("SIZED_TO_DATA", defaults.getString("solver_without_port"));
        assertEquals("AUTO", defaults.getString("loss"));
        assertEquals("Z_SCORE", defaults.getString("normalisation"));
        assertEquals(2020, defaults.getInt("seed"));
    }
}
