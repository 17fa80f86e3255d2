package org.gfe.knime.node;

import java.util.Random;
import org.gfe.knime.harness.Tables;
import org.knime.core.node.BufferedDataTable;

/** A small table for fast node tests: six columns made from two hidden factors plus a little noise. */
final class SmallData {

    static final String[] COLUMNS = {"x1", "x2", "x3", "x4", "x5", "x6"};

    private SmallData() {
    }

    /** Rows with keys "Row0", "Row1", ...; a NaN in {@code rows} becomes a missing cell. */
    static double[][] rows(int count, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[count][];
        for (int m = 0; m < count; m++) {
            double s = random.nextGaussian();
            double t = random.nextGaussian();
            rows[m] = new double[] {s, t, s + t, s - 0.5 * t, Math.tanh(s) + 0.2 * t, 2 * t,};
            for (int p = 0; p < rows[m].length; p++) {
                rows[m][p] += 0.01 * random.nextGaussian();
            }
        }
        return rows;
    }

    static BufferedDataTable table(int count, long seed) {
        return Tables.of(COLUMNS, rows(count, seed));
    }

    static BufferedDataTable table(double[][] rows) {
        return Tables.of(COLUMNS, rows);
    }
}
