package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.VariableType;

/** Solver Settings -> Learner -> Encoder -> Reconstructor on tecator, in one real KNIME workflow. */
public final class EndToEnd {

    static final int TRAINING_ROWS = 160;
    static final int EPOCHS = 20;

    private EndToEnd() {
    }

    public static String fourNodesOnTecator() throws Exception {
        try (Wf wf = Wf.create("end-to-end")) {
            NodeID training = wf.tecator(0, TRAINING_ROWS);
            NodeID heldOut = wf.tecator(TRAINING_ROWS, -1);
            NodeID solver = wf.fastSolver();
            NodeID learner = wf.learner(2, "64", EPOCHS);
            NodeID encoder = wf.add(Wf.ENCODER);
            NodeID reconstructor = wf.add(Wf.RECONSTRUCTOR);
            wf.connect(training, 1, learner, 1);
            wf.connect(solver, 1, learner, 2);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(heldOut, 1, encoder, 2);
            wf.connect(solver, 1, encoder, 3);
            wf.connect(learner, 1, reconstructor, 1);
            wf.connect(encoder, 1, reconstructor, 2);

            // configure() runs as soon as the nodes are connected: the specs a user sees before executing
            DataTableSpec encodedSpec = (DataTableSpec)wf.node(encoder).getOutPort(1).getPortObjectSpec();
            DataTableSpec reconstructedSpec =
                    (DataTableSpec)wf.node(reconstructor).getOutPort(1).getPortObjectSpec();
            DataTableSpec historySpec = (DataTableSpec)wf.node(learner).getOutPort(2).getPortObjectSpec();
            assertTrue(encodedSpec != null && reconstructedSpec != null, "not configured: " + wf.states());

            long start = System.nanoTime();
            wf.executeAll();
            double seconds = (System.nanoTime() - start) / 1e9;

            BufferedDataTable trainingTable = wf.table(training, 1);
            BufferedDataTable heldOutTable = wf.table(heldOut, 1);
            BufferedDataTable encoded = wf.table(encoder, 1);
            BufferedDataTable reconstructed = wf.table(reconstructor, 1);
            BufferedDataTable history = wf.table(learner, 2);
            List<String> columns = Tables.columns(heldOutTable.getDataTableSpec());
            assertEquals(103, columns.size());

            // the Encoder appends z1, z2 to the input columns, row for row
            List<String> expectedEncoded = new ArrayList<>(columns);
            expectedEncoded.addAll(List.of("z1", "z2"));
            assertEquals(expectedEncoded, Tables.columns(encoded.getDataTableSpec()));
            assertEquals(215 - TRAINING_ROWS, encoded.size());
            assertEquals(Tables.rowKeys(heldOutTable), Tables.rowKeys(encoded));
            // the Reconstructor appends one "(reconstructed)" column per training column
            List<String> expectedReconstructed = new ArrayList<>(expectedEncoded);
            columns.forEach(c -> expectedReconstructed.add(c + " (reconstructed)"));
            assertEquals(expectedReconstructed, Tables.columns(reconstructed.getDataTableSpec()));
            assertEquals(encoded.size(), reconstructed.size());
            // what configure() promised is what execute() delivered (names and types; execute adds domains)
            assertTrue(encodedSpec.equalStructure(encoded.getDataTableSpec()), "Encoder spec");
            assertTrue(reconstructedSpec.equalStructure(reconstructed.getDataTableSpec()), "Reconstructor spec");
            assertTrue(historySpec.equalStructure(history.getDataTableSpec()), "history spec");
            // one history row per batch: 160 rows in batches of 16, per epoch
            assertEquals(EPOCHS * (TRAINING_ROWS / 16), history.size());
            assertEquals(List.of("Epoch", "Batch", "Rows seen", "Training loss", "Elapsed seconds"),
                    Tables.columns(history.getDataTableSpec()));
            // the Learner's flow variables reach the nodes downstream
            FlowVariable epochs = wf.node(encoder).getFlowObjectStack()
                    .peekFlowVariable("gfe_epochs", VariableType.IntType.INSTANCE).orElseThrow();
            assertEquals(EPOCHS, epochs.getIntValue());
            double trainingLoss = wf.node(encoder).getFlowObjectStack()
                    .peekFlowVariable("gfe_training_loss", VariableType.DoubleType.INSTANCE).orElseThrow()
                    .getDoubleValue();
            assertTrue(trainingLoss > 0 && trainingLoss < 1, "training loss " + trainingLoss);

            double[][] actual = Tables.values(heldOutTable, columns);
            double[][] predicted = Tables.values(reconstructed,
                    columns.stream().map(c -> c + " (reconstructed)").toList());
            double[][] trainingRows = Tables.values(trainingTable, columns);
            double gfe = Tables.zScoreError(trainingRows, actual, predicted);
            double means = Tables.zScoreError(trainingRows, actual, null);
            String report = String.format(Locale.ROOT, "tecator on the real KNIME core, d = 2, %d epochs: held-out"
                    + " MSE (z-score units) GFE %.4f vs column means %.4f; the four nodes executed in %.1f s",
                    EPOCHS, gfe, means, seconds);
            assertTrue(gfe < 0.1 * means, report);
            return report;
        }
    }
}
