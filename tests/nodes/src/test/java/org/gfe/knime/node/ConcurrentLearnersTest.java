package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;

/** Two Learners training at the same time on two threads both succeed, and neither disturbs the other. */
class ConcurrentLearnersTest {

    @Test
    void twoLearnersOnTwoThreadsGiveTheSameModelsAsOneAfterTheOther() throws Exception {
        BufferedDataTable table = SmallData.table(80, 16);
        SolverSettingsPortObject solver = GfeNodes.fastSolver();
        double[][] alone = trainAndEncode(table, solver);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> trainAndEncode(table, solver)));
            }
            for (Future<double[][]> run : runs) {
                double[][] together = run.get();
                for (int m = 0; m < alone.length; m++) {
                    assertEquals(alone[m][0], together[m][0], 0, "row " + m);
                    assertEquals(alone[m][1], together[m][1], 0, "row " + m);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[][] trainAndEncode(BufferedDataTable table, SolverSettingsPortObject solver)
            throws Exception {
        GfeModelPortObject model = GfeNodes.learner(2, "16", 3).execute(table, solver)
                .port(0, GfeModelPortObject.class);
        return Tables.toArray(GfeNodes.encoder().execute(model, table, null).table(0), "z1", "z2");
    }
}
