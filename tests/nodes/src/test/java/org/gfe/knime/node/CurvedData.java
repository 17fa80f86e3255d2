package org.gfe.knime.node;

import java.util.Random;
import org.gfe.knime.harness.Tables;
import org.knime.core.node.BufferedDataTable;

/**
 * Rows on a parabola (t, t^2) spread over ten columns, plus a little noise: one principal component keeps the t
 * direction and misses the t^2 part, a one-dimensional code with a curved decoder does not. So the linear + MLP
 * decoder keeps its correction (and runs a final fit) on these rows at d = 1.
 */
final class CurvedData {

    static final String[] COLUMNS = {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"};

    private CurvedData() {
    }

    static double[][] rows(int count, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[count][COLUMNS.length];
        for (double[] row : rows) {
            double t = 2 * random.nextDouble() - 1;
            for (int p = 0; p < COLUMNS.length; p++) {
                row[p] = t * Math.cos(0.7 * p) + t * t * Math.sin(0.7 * p) + 0.01 * random.nextGaussian();
            }
        }
        return rows;
    }

    static BufferedDataTable table(int count, long seed) {
        return Tables.of(COLUMNS, rows(count, seed));
    }
}
