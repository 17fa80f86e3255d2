package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.ExecutionProbe;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.ProgressEvent;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;

/** A cancel stops training within one batch, and stops encoding, with KNIME's CanceledExecutionException. */
class CancelTest {

    @Test
    void cancelDuringABatchStopsTrainingBeforeTheBatchEnds() throws Exception {
        BufferedDataTable tecator = CsvTables.tecator();
        SolverSettingsPortObject solver = GfeNodes.fastSolver();
        // a first run tells at which checkpoint the first batch ends (runs are deterministic) ...
        long[] firstBatchEnd = {0};
        ExecutionProbe scout = new ExecutionProbe();
        scout.onProgress(event -> {
            if (isBatchReport(event) && firstBatchEnd[0] == 0) {
                firstBatchEnd[0] = scout.checkpoints();
                scout.cancel();
            }
        });
        NodeHarness<GfeLearnerNodeModel> first = GfeNodes.learner(5, "64", 100);
        first.useProbe(scout);
        assertThrows(CanceledExecutionException.class, () -> first.execute(tecator, solver));
        // ... so a second run can be cancelled a few solver steps into the second batch
        ExecutionProbe probe = new ExecutionProbe(firstBatchEnd[0] + 10);
        NodeHarness<GfeLearnerNodeModel> second = GfeNodes.learner(5, "64", 100);
        second.useProbe(probe);
        assertThrows(CanceledExecutionException.class, () -> second.execute(tecator, solver));
        assertTrue(probe.isCanceled());
        assertEquals(1, batchReports(probe.progress()), "the second batch did not finish after the cancel");
    }

    @Test
    void cancelAfterABatchStopsAtThatBatch() throws Exception {
        BufferedDataTable tecator = CsvTables.tecator();
        SolverSettingsPortObject solver = GfeNodes.fastSolver();
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(5, "64", 100);
        ExecutionProbe probe = new ExecutionProbe();
        probe.onProgress(event -> {
            if (isBatchReport(event)) {
                probe.cancel();
            }
        });
        learner.useProbe(probe);
        assertThrows(CanceledExecutionException.class, () -> learner.execute(tecator, solver));
        assertEquals(1, batchReports(probe.progress()), "training went on after the cancel: " + probe.progress());
    }

    @Test
    void cancelDuringEncodingThrowsCanceledExecutionException() throws Exception {
        BufferedDataTable tecator = CsvTables.tecator();
        GfeModelPortObject model = GfeNodes.learner(2, "16", 1).execute(tecator, GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setInt("rows_per_chunk", 32);
        ExecutionProbe probe = new ExecutionProbe();
        probe.onProgress(event -> {
            if (event.message() != null && event.message().startsWith("Encoding row")) {
                probe.cancel();
            }
        });
        encoder.useProbe(probe);
        assertThrows(CanceledExecutionException.class, () -> encoder.execute(model, tecator, null));
    }

    private static boolean isBatchReport(ProgressEvent event) {
        return event.message() != null && event.message().startsWith("Epoch ");
    }

    private static long batchReports(List<ProgressEvent> events) {
        return events.stream().filter(CancelTest::isBatchReport).count();
    }
}
