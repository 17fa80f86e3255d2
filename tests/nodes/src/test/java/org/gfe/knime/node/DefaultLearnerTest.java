package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.ProgressEvent;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.learner.LearnerSettings;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.node.BufferedDataTable;

/**
 * The Learner as a new node comes: its configuration is the core's {@link TrainingConfig#forTables()} (so the
 * benchmark of the "default Learner" measures what users get), and on tecator it reconstructs held-out rows at
 * least as well as PCA with as many components; its history has one row per epoch with stage and kept flag, its
 * flow variables describe the kept model, and its progress only moves forward, from 0 to 1, naming the stage.
 */
class DefaultLearnerTest {

    private static final String[] EPOCH_COLUMNS = {"Stage", "Epoch", "Rows seen", "Training loss",
        "Validation loss", "Kept", "Elapsed seconds"};

    @Test
    void theDefaultConfigurationIsTheCoresForTables() throws Exception {
        LearnerSettings settings = new LearnerSettings();
        settings.load(GfeNodes.defaultLearner().settings()); // the settings a new node saves, read back
        TrainingConfig node = settings.toTrainingConfig(null);
        TrainingConfig core = TrainingConfig.forTables().build();
        List<String> compared = new ArrayList<>();
        for (Field field : TrainingConfig.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object expected = field.get(core);
            Object actual = field.get(node);
            assertTrue(java.util.Objects.deepEquals(expected, actual), field.getName() + ": the core's "
                    + toString(expected) + ", the Learner's " + toString(actual));
            compared.add(field.getName());
        }
        assertTrue(compared.containsAll(List.of("latentDimension", "decoderKind", "hiddenSizes", "epochs",
                "batchSize", "patience", "keepBestEpoch", "linearPartTrained", "solver", "seed")), compared.toString());
        assertTrue(node.hasAutoHiddenSizes() && node.hasAutoSolver() && node.epochs() == TrainingConfig.AUTO);
    }

    private static String toString(Object value) {
        return value instanceof int[] ints ? Arrays.toString(ints) : String.valueOf(value);
    }

    @ParameterizedTest(name = "latent dimension {0}")
    @ValueSource(ints = {2, 5})
    void onTecatorTheDefaultLearnerIsAtLeastAsGoodAsPca(int latentDimension) throws Exception {
        BufferedDataTable all = CsvTables.tecator();
        String[] columns = Tables.columnNames(all);
        double[][] rows = Tables.toArray(all, columns);
        List<Integer> order = IntStream.range(0, rows.length).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(11)); // a seeded 70/30 split
        int trainingCount = (int) Math.round(0.7 * rows.length);
        double[][] training = order.subList(0, trainingCount).stream().map(i -> rows[i]).toArray(double[][]::new);
        double[][] heldOut = order.subList(trainingCount, rows.length).stream().map(i -> rows[i])
                .toArray(double[][]::new);

        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", latentDimension);
        long start = System.nanoTime();
        ExecutionResult<GfeLearnerNodeModel> learned = learner.execute(Tables.of(columns, training), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(learned.specMismatches().isEmpty(), learned.specMismatches().toString());
        assertTrue(learned.otherSpecDifferences().isEmpty(), "configure's model spec is the executed one: "
                + learned.otherSpecDifferences());
        GfeModelPortObject model = learned.port(0, GfeModelPortObject.class);
        GfeModelPortObjectSpec spec = model.getSpec();
        assertEquals("linear (PCA start) + MLP correction, hidden layers sized to the data, ELU",
                spec.architecture());
        assertTrue(spec.sizedToData());
        assertEquals("MSE", spec.loss());
        String summary = model.description();
        assertTrue(summary.contains("Sized to the data (auto): hidden layers 41-41 for 103 columns"), summary);
        assertTrue(summary.contains("Start of the flow: Linear least-squares code (PCA score)"), summary);
        assertTrue(summary.contains("Kept: "), summary);
        try (GfeModel opened = model.openModel()) {
            assertEquals(DecoderKind.LINEAR_PLUS_MLP, opened.decoderKind());
            assertEquals(InitialState.LINEAR_PROJECTION, opened.solverSettings().initialState(),
                    "the solver sized to the data starts at the linear code");
        }

        BufferedDataTable heldOutTable = Tables.of(columns, heldOut);
        ExecutionResult<GfeEncoderNodeModel> encoded = GfeNodes.encoder().execute(model, heldOutTable, null);
        ExecutionResult<GfeReconstructorNodeModel> decoded = GfeNodes.reconstructor().execute(model,
                encoded.table(0));
        double[][] predicted = Tables.toArray(decoded.table(0),
                Arrays.stream(columns).map(c -> c + " (reconstructed)").toArray(String[]::new));
        ZScoreError error = new ZScoreError(training);
        double gfe = error.of(heldOut, predicted);
        double[][] heldOutZ = error.standardise(heldOut);
        double pca = ZScoreError.meanSquared(heldOutZ,
                PrincipalComponents.fit(error.standardise(training), latentDimension).reconstruct(heldOutZ));
        System.out.printf(Locale.ROOT, "tecator, default Learner, %d training / %d held-out rows, d = %d: held-out"
                + " MSE (z-score units) GFE %.5f, PCA %.5f (GFE/PCA %.4f); Learner %.1f s; kept epoch %d (%s)%n",
                training.length, heldOut.length, latentDimension, gfe, pca, gfe / pca, seconds,
                learned.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE),
                learned.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        assertTrue(gfe <= pca * (1 + 1e-6), "GFE's held-out error " + gfe + " is above PCA's " + pca);
    }

    @Test
    void theHistoryHasOneRowPerEpochWithItsStageAndTheKeptEpochAndTheVariablesDescribeIt() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", 1).setBoolean("auto_size", false).setInt("epochs", 12)
                .setInt("batch_size", 16).setInt("patience", 6).setString("hidden_sizes", "16, 16")
                .setDouble("learning_rate", 3e-3);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(CurvedData.table(100, 3), null);
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        assertTrue(result.otherSpecDifferences().isEmpty(), result.otherSpecDifferences().toString());
        BufferedDataTable history = result.table(1);
        assertArrayEquals(EPOCH_COLUMNS, Tables.columnNames(history));
        String[] stages = Tables.strings(history, "Stage");
        double[][] numbers = Tables.toArray(history, "Epoch", "Rows seen", "Training loss", "Validation loss",
                "Elapsed seconds");
        boolean[] kept = booleans(history, "Kept");
        List<String> distinct = Arrays.stream(stages).distinct().toList();
        assertEquals(List.of("selection, fold 1 of 4", "selection, fold 2 of 4", "selection, fold 3 of 4",
                "selection, fold 4 of 4", "selection, mean of 4 folds", "final fit"),
                distinct, "100 rows: the epochs are chosen on 4 folds, then all rows are fitted");
        assertEquals(1, IntStream.range(0, kept.length).filter(i -> kept[i]).count(), "one epoch is kept");
        int keptRow = IntStream.range(0, kept.length).filter(i -> kept[i]).findFirst().orElseThrow();
        assertEquals("final fit", stages[keptRow]);
        int keptEpoch = (int) numbers[keptRow][0];
        assertTrue(keptEpoch > 0, "the parabola needs the correction: " + result.flowVariableString(
                GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        assertEquals(keptEpoch, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE));
        assertEquals(keptEpoch, result.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE),
                "the final fit runs the chosen epochs");
        assertEquals(numbers[keptRow][2], result.flowVariableDouble(GfeLearnerNodeModel.TRAINING_LOSS_VARIABLE),
                "the training loss variable is the kept epoch's");
        double validationAtKept = Double.NaN;
        for (int i = 0; i < stages.length; i++) {
            if (stages[i].equals("selection, mean of 4 folds") && numbers[i][0] == keptEpoch) {
                validationAtKept = numbers[i][3];
            }
        }
        assertEquals(validationAtKept, result.flowVariableDouble(GfeLearnerNodeModel.VALIDATION_LOSS_VARIABLE),
                "the validation loss variable is the folds' mean at the kept number of epochs");
        String reason = result.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE);
        assertTrue(reason.equals("early stopping") || reason.equals("all epochs"), reason);
        for (int i = 0; i < stages.length; i++) {
            boolean mean = stages[i].startsWith("selection, mean");
            assertEquals(mean, Double.isNaN(numbers[i][1]), "rows seen of a mean are missing: row " + i);
            assertEquals(mean, Double.isNaN(numbers[i][4]), "seconds of a mean are missing: row " + i);
            assertTrue(mean || numbers[i][4] >= 0, "seconds since the run started: row " + i);
            assertEquals(numbers[i][0] == 0, Double.isNaN(numbers[i][2]), "epoch 0 has no training loss: row " + i);
            assertEquals(stages[i].equals("final fit"), Double.isNaN(numbers[i][3]),
                    "the final fit has no validation rows, the selection validates every epoch: row " + i);
        }
        for (int i = 1; i < stages.length; i++) {
            if (stages[i].equals(stages[i - 1])) {
                assertEquals(numbers[i - 1][0] + 1, numbers[i][0], "epochs follow each other within a run");
            }
        }
        GfeModelPortObject model = result.port(0, GfeModelPortObject.class);
        assertEquals(keptEpoch, model.outcome().keptEpoch());
        assertTrue(model.description().contains("The MLP correction lowered the loss on 4-fold validation"),
                model.description());
        assertTrue(model.description().contains("Kept: the decoder after epoch " + keptEpoch + " of the final fit"),
                model.description());
    }

    @Test
    void progressMovesForwardFromZeroToOneAndNamesTheStage() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", 1).setBoolean("auto_size", false).setInt("epochs", 15)
                .setInt("batch_size", 16).setString("hidden_sizes", "16").setDouble("learning_rate", 3e-3);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(CurvedData.table(100, 4), null);
        List<ProgressEvent> events = result.progress();
        double previous = 0;
        for (ProgressEvent event : events) {
            assertTrue(event.fraction() >= previous - 1e-12, "progress went back from " + previous + " to "
                    + event.fraction() + " (" + event.message() + ")");
            assertTrue(event.fraction() >= 0 && event.fraction() <= 1 + 1e-12, "fraction " + event.fraction());
            previous = event.fraction();
        }
        assertEquals(1, previous, 1e-9, "progress ends at 1");
        List<String> messages = events.stream().map(ProgressEvent::message).filter(m -> m != null).toList();
        for (String expected : new String[] {"Choosing the epochs on validation rows, fold 1 of 4: epoch 1/15",
            "Choosing the epochs on validation rows, fold 4 of 4: epoch", "Final fit on all rows: epoch 1/"}) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected)), expected + " in " + distinct(messages));
        }
        // the fold stages share the bar before the final fit, which has the rest
        double lastFold = events.stream().filter(e -> e.message() != null && e.message().contains("fold 4 of 4"))
                .mapToDouble(ProgressEvent::fraction).max().orElseThrow();
        double firstFinal = events.stream().filter(e -> e.message() != null && e.message().startsWith("Final fit"))
                .mapToDouble(ProgressEvent::fraction).min().orElseThrow();
        assertTrue(lastFold < 0.95 && lastFold <= firstFinal, "folds up to " + lastFold + ", final fit from "
                + firstFinal);
    }

    @Test
    void fromFiveHundredRowsTheRunThatChoseTheEpochsIsTheModel() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", 1).setBoolean("auto_size", false).setInt("epochs", 12)
                .setInt("batch_size", 64).setInt("patience", 6).setString("hidden_sizes", "16, 16")
                .setDouble("learning_rate", 3e-3);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(CurvedData.table(520, 12), null);
        BufferedDataTable history = result.table(1);
        String[] stages = Tables.strings(history, "Stage");
        assertEquals(List.of("selection"), Arrays.stream(stages).distinct().toList(), "one split, no final fit");
        boolean[] kept = booleans(history, "Kept");
        int keptRow = IntStream.range(0, kept.length).filter(i -> kept[i]).findFirst().orElseThrow();
        int keptEpoch = (int) Tables.column(history, "Epoch")[keptRow];
        assertTrue(keptEpoch > 0, "the parabola keeps the correction");
        assertEquals(keptEpoch, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE));
        assertEquals(Tables.column(history, "Validation loss")[keptRow],
                result.flowVariableDouble(GfeLearnerNodeModel.VALIDATION_LOSS_VARIABLE));
        assertEquals(Tables.column(history, "Training loss")[keptRow],
                result.flowVariableDouble(GfeLearnerNodeModel.TRAINING_LOSS_VARIABLE));
        assertEquals(stages.length - 1, result.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE),
                "the epochs that run ran (epoch 0 is PCA)");
        assertTrue(result.port(0, GfeModelPortObject.class).description().contains("Kept: the decoder of epoch "
                + keptEpoch + " of the run that chose the epochs"));
        assertProgressEndsAtOne(result);
    }

    @Test
    void aTinyTableGetsPcaAndSaysWhyInTheVariablesAndTheHistory() throws Exception {
        ExecutionResult<GfeLearnerNodeModel> result = GfeNodes.defaultLearner().execute(SmallData.table(8, 5),
                null);
        assertEquals("PCA kept: too few rows to check a correction on held-out rows",
                result.flowVariableString(GfeLearnerNodeModel.STOP_REASON_VARIABLE));
        assertEquals(0, result.flowVariableInt(GfeLearnerNodeModel.KEPT_EPOCH_VARIABLE));
        assertEquals(0, result.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE));
        BufferedDataTable history = result.table(1);
        assertEquals(1, Tables.rowCount(history), "one row: the decoder as initialised on all rows, kept");
        assertEquals("final fit", Tables.strings(history, "Stage")[0]);
        assertTrue(booleans(history, "Kept")[0]);
        assertProgressEndsAtOne(result);
    }

    static void assertProgressEndsAtOne(ExecutionResult<?> result) {
        List<ProgressEvent> events = result.progress();
        assertFalse(events.isEmpty());
        assertEquals(1, events.get(events.size() - 1).fraction(), 1e-9);
    }

    static boolean[] booleans(BufferedDataTable table, String column) {
        int index = table.getDataTableSpec().findColumnIndex(column);
        List<Boolean> values = new ArrayList<>();
        for (DataRow row : table) {
            assertNotNull(row.getCell(index));
            values.add(((BooleanCell) row.getCell(index)).getBooleanValue());
        }
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static List<String> distinct(List<String> messages) {
        return messages.stream().map(m -> m.replaceAll("\\d+", "#")).distinct().toList();
    }
}
