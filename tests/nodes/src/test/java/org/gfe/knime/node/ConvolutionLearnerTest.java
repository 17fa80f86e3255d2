package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.PortObjectRoundTrip;
import org.gfe.knime.harness.SettingsEditor;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;

/** The GFE Learner with the 1-D convolutional decoder, and its decoder settings. */
class ConvolutionLearnerTest {

    private static final int TRAINING_ROWS = 160;
    private static final int EPOCHS = 10;

    private static NodeHarness<GfeLearnerNodeModel> convolutionLearner(int latentDimension, int epochs) {
        NodeHarness<GfeLearnerNodeModel> node = GfeNodes.learner(latentDimension, "", epochs);
        node.edit().setString("decoder", "CONVOLUTION_1D").setInt("conv_channels", 4).setInt("kernel_size", 5)
                .setInt("conv_layers", 2);
        return node;
    }

    @Test
    void tecatorThroughAConvolutionalDecoderIsReconstructedBetterThanByColumnMeans() throws Exception {
        BufferedDataTable all = CsvTables.tecator();
        BufferedDataTable training = Tables.rows(all, 0, TRAINING_ROWS);
        BufferedDataTable heldOut = Tables.rows(all, TRAINING_ROWS, Tables.rowCount(all));
        ExecutionResult<GfeLearnerNodeModel> learned =
                convolutionLearner(3, EPOCHS).execute(training, GfeNodes.fastSolver());
        assertConfigureToldTheTruth(learned);
        GfeModelPortObject model = learned.port(0, GfeModelPortObject.class);
        assertEquals("1-D convolution, 4 channels, kernel 5, 2 layers, ELU", model.getSpec().architecture());
        assertTrue(model.modelSummary().contains("1-D convolution, 4 channels, kernel 5, 2 layers"),
                model.modelSummary());

        ExecutionResult<GfeEncoderNodeModel> encoded = GfeNodes.encoder().execute(model, heldOut, null);
        assertConfigureToldTheTruth(encoded);
        ExecutionResult<GfeReconstructorNodeModel> decoded =
                GfeNodes.reconstructor().execute(model, encoded.table(0));
        assertConfigureToldTheTruth(decoded);

        String[] columns = Tables.columnNames(training);
        String[] reconstructed = Arrays.stream(columns).map(c -> c + " (reconstructed)").toArray(String[]::new);
        double[][] actual = Tables.toArray(heldOut, columns);
        double[][] predicted = Tables.toArray(decoded.table(0), reconstructed);
        ZScoreError error = new ZScoreError(Tables.toArray(training, columns));
        double gfe = error.of(actual, predicted);
        double means = error.ofColumnMeans(actual);
        System.out.printf(Locale.ROOT, "tecator, conv1d decoder, d = 3: held-out MSE (z-score units) GFE %.4f,"
                + " column means %.4f%n", gfe, means);
        assertTrue(gfe < 0.2 * means, "GFE's held-out error " + gfe + " is not far below the column means' " + means);
    }

    @Test
    void theConvolutionalModelSpecSurvivesItsSerializer() throws Exception {
        GfeModelPortObjectSpec spec = (GfeModelPortObjectSpec) convolutionLearner(2, 1)
                .configure(Tables.doubleSpec(SmallData.COLUMNS), null)[0];
        GfeModelPortObjectSpec reread = PortObjectRoundTrip.roundTripSpec(spec);
        assertEquals(spec, reread);
        assertEquals("1-D convolution, 4 channels, kernel 5, 2 layers, ELU", reread.architecture());
        assertEquals(0, reread.hiddenSizes().length, "a convolutional decoder has no hidden sizes");
    }

    @Test
    void settingsOfVersionOneLoadAsAnMlpDecoderWithTheConvolutionDefaults() throws Exception {
        NodeHarness<GfeLearnerNodeModel> node = convolutionLearner(2, 1);
        node.applySettings();
        SettingsEditor older = SettingsEditor.of(SettingsEditor.copy(node.savedSettings()));
        older.setInt(VersionedSettings.VERSION_KEY, 1).remove("decoder").remove("conv_channels")
                .remove("kernel_size").remove("conv_layers");
        node.withSettings(older.settings()).applySettings();
        SettingsEditor loaded = SettingsEditor.of(node.savedSettings());
        assertEquals("MLP", loaded.getString("decoder"));
        assertEquals(8, loaded.getInt("conv_channels"));
        assertEquals(5, loaded.getInt("kernel_size"));
        assertEquals(2, loaded.getInt("conv_layers"));
        assertTrue(loaded.getInt(VersionedSettings.VERSION_KEY) > 1, "saved again in the current version");
    }

    @Test
    void anEvenKernelSizeIsRefusedNamingTheSetting() {
        NodeHarness<GfeLearnerNodeModel> node = convolutionLearner(2, 1);
        node.edit().setInt("kernel_size", 4);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> node.configure(Tables.doubleSpec(SmallData.COLUMNS), null));
        assertTrue(e.getMessage().contains("Kernel size") && e.getMessage().contains("odd"), e.getMessage());
    }

    private static void assertConfigureToldTheTruth(ExecutionResult<?> result) {
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        assertTrue(result.otherSpecDifferences().isEmpty(), result.otherSpecDifferences().toString());
    }
}
