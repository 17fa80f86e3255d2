package org.gfe.knime.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    /**
     * Rows m + a u_1 + b u_2 with orthonormal u_1, u_2; (a, b) = (3 cos, sin) of evenly spaced angles, so the scores
     * are uncorrelated with deviations 3/sqrt(2) and 1/sqrt(2), plus optional noise.
     */
    private static double[][] planeRows(int n, int columns, double noise, long seed) {
        Random random = new Random(seed);
        double[] u1 = new double[columns];
        double[] u2 = new double[columns];
        for (int p = 0; p < columns; p++) {
            u1[p] = p % 2 == 0 ? 1 : 0;
            u2[p] = p % 2 == 1 ? 1 : 0;
        }
        normalise(u1);
        normalise(u2);
        double[][] rows = new double[n][columns];
        for (int m = 0; m < n; m++) {
            double angle = 2 * Math.PI * m / n;
            double a = 3 * Math.cos(angle);
            double b = Math.sin(angle);
            for (int p = 0; p < columns; p++) {
                rows[m][p] = 5 + a * u1[p] + b * u2[p] + noise * random.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void findsTheDirectionsAndDeviationsOfKnownData() {
        double[][] rows = planeRows(400, 6, 0, 1);
        PrincipalComponents pca = PrincipalComponents.fit(rows, 2);
        double[][] components = pca.components();
        double s = 1 / Math.sqrt(3);
        assertArrayEquals(new double[] {s, 0, s, 0, s, 0}, components[0], 1e-12);
        assertArrayEquals(new double[] {0, s, 0, s, 0, s}, components[1], 1e-12);
        assertEquals(3 / Math.sqrt(2), pca.scoreDeviations()[0], 1e-12);
        assertEquals(1 / Math.sqrt(2), pca.scoreDeviations()[1], 1e-12);
        double[][] rebuilt = pca.reconstruct(rows);
        for (int m = 0; m < rows.length; m++) {
            assertArrayEquals(rows[m], rebuilt[m], 1e-9, "row " + m + " lies in the plane");
        }
    }

    @Test
    void moreColumnsThanRowsGivesTheSameAnswerAsTheCovariancePath() {
        // 30 rows x 50 columns goes through the Gram matrix; the same data padded with 30 copies of its mean row
        // has the same components (directions only depend on the centred rows) and goes through the covariance
        double[][] wide = planeRows(30, 50, 0.01, 2);
        PrincipalComponents gram = PrincipalComponents.fit(wide, 3);
        double[] mean = gram.mean();
        double[][] padded = new double[80][];
        for (int m = 0; m < 80; m++) {
            padded[m] = m < 30 ? wide[m] : mean.clone();
        }
        PrincipalComponents covariance = PrincipalComponents.fit(padded, 3);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(covariance.components()[k], gram.components()[k], 1e-8, "component " + k);
        }
        assertArrayEquals(covariance.scores(wide[4]), gram.scores(wide[4]), 1e-8);
    }

    @Test
    void componentsBeyondTheRankAreCompletedOrthonormally() {
        double[][] rows = {{1, 2, 3, 4}, {2, 3, 4, 5}, {0, 1, 0, 1}};
        PrincipalComponents pca = PrincipalComponents.fit(rows, 4);
        double[][] c = pca.components();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int p = 0; p < 4; p++) {
                    dot += c[i][p] * c[j][p];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-9, "components " + i + ", " + j);
            }
        }
        assertEquals(0, pca.scoreDeviations()[3], 0, "no variance beyond rank 2");
        assertTrue(pca.scoreDeviations()[0] > 0 && pca.scoreDeviations()[1] > 0);
    }

    @Test
    void aFitIsRepeatableAndSignFixed() {
        double[][] rows = planeRows(50, 5, 0.1, 3);
        double[][] a = PrincipalComponents.fit(rows, 2).components();
        double[][] b = PrincipalComponents.fit(rows, 2).components();
        assertArrayEquals(a[0], b[0], 0);
        double largest = 0;
        for (double v : a[0]) {
            largest = Math.abs(v) > Math.abs(largest) ? v : largest;
        }
        assertTrue(largest > 0);
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.fit(new double[][] {{1, 2}}, 3)).getMessage().contains("1..2"));
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(new double[0][], 1));
    }

    private static void normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }
}
