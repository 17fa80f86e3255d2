package org.gfe.knime.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static final double NAN = Double.NaN;

    private static double[][] randomRows(int n, int columns, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][columns];
        for (double[] row : rows) {
            for (int p = 0; p < columns; p++) {
                row[p] = 100 * p + (p + 1) * random.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void minMaxMapsTheTrainingRangeToTheUnitInterval() {
        double[][] rows = {{2, -1}, {4, 3}, {3, NAN}, {NAN, 1}};
        Normalisation n = Normalisation.fit(NormalisationKind.MIN_MAX, rows);
        assertArrayEquals(new double[] {2, -1}, n.offsets());
        assertArrayEquals(new double[] {2, 4}, n.scales());
        double[][] applied = n.apply(rows);
        assertArrayEquals(new double[] {0, 0}, applied[0]);
        assertArrayEquals(new double[] {1, 1}, applied[1]);
        assertEquals(0.5, applied[2][0]);
        assertTrue(Double.isNaN(applied[2][1]), "a missing cell stays missing");
        assertTrue(Double.isNaN(applied[3][0]));
        assertEquals(0.5, applied[3][1]);
    }

    @Test
    void zScoreGivesMeanZeroAndUnitPopulationDeviationIgnoringMissingCells() {
        double[][] rows = randomRows(500, 4, 3);
        rows[7][2] = NAN;
        rows[9][0] = NAN;
        double[][] applied = Normalisation.fit(NormalisationKind.Z_SCORE, rows).apply(rows);
        for (int p = 0; p < 4; p++) {
            final int column = p;
            double[] values = Arrays.stream(applied).mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v))
                    .toArray();
            double mean = Arrays.stream(values).average().orElseThrow();
            double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
            assertEquals(0, mean, 1e-12, "column " + p);
            assertEquals(1, variance, 1e-12, "column " + p);
        }
        assertTrue(Double.isNaN(applied[7][2]));
    }

    @Test
    void zScoreOffsetAndScaleMatchAHandComputation() {
        Normalisation n = Normalisation.fit(NormalisationKind.Z_SCORE, new double[][] {{1}, {3}, {NAN}, {8}});
        assertEquals(4, n.offsets()[0], 1e-15);
        assertEquals(Math.sqrt((9 + 1 + 16) / 3.0), n.scales()[0], 1e-15);
    }

    @Test
    void noneIsTheIdentity() {
        double[][] rows = randomRows(20, 3, 5);
        Normalisation n = Normalisation.fit(NormalisationKind.NONE, rows);
        assertArrayEquals(new double[3], n.offsets());
        assertArrayEquals(new double[] {1, 1, 1}, n.scales());
        assertTrue(Arrays.deepEquals(rows, n.apply(rows)));
        assertEquals(n, Normalisation.none(3));
    }

    @Test
    void invertUndoesApplyForEveryKind() {
        double[][] rows = randomRows(50, 5, 11);
        rows[3][1] = NAN;
        for (NormalisationKind kind : NormalisationKind.values()) {
            Normalisation n = Normalisation.fit(kind, rows);
            double[][] back = n.invert(n.apply(rows));
            for (int m = 0; m < rows.length; m++) {
                for (int p = 0; p < rows[m].length; p++) {
                    if (Double.isNaN(rows[m][p])) {
                        assertTrue(Double.isNaN(back[m][p]));
                    } else {
                        assertEquals(rows[m][p], back[m][p], 1e-12 * Math.max(1, Math.abs(rows[m][p])),
                                kind + " row " + m + " column " + p);
                    }
                }
            }
        }
    }

    @Test
    void aConstantColumnGetsScaleOneAndNeverDividesByZero() {
        double[][] rows = {{5, 1}, {5, 2}, {NAN, 3}};
        for (NormalisationKind kind : NormalisationKind.values()) {
            Normalisation n = Normalisation.fit(kind, rows);
            assertEquals(1, n.scales()[0], kind.name());
            double[][] applied = n.apply(rows);
            assertTrue(Double.isFinite(applied[0][0]) && Double.isFinite(applied[1][0]), kind.name());
        }
        assertEquals(0, Normalisation.fit(NormalisationKind.MIN_MAX, rows).apply(rows)[1][0]);
        Normalisation single = Normalisation.fit(NormalisationKind.Z_SCORE, new double[][] {{7, 8}});
        assertArrayEquals(new double[] {1, 1}, single.scales(), "one row has zero deviation");
        assertArrayEquals(new double[] {0, 0}, single.apply(new double[][] {{7, 8}})[0]);
    }

    @Test
    void aColumnWithNoPresentValueIsRejectedNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalisation.fit(NormalisationKind.Z_SCORE, new double[][] {{1, NAN, 2}, {3, NAN, 4}}));
        assertTrue(e.getMessage().contains("Column 1"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> Normalisation.fit(NormalisationKind.MIN_MAX,
                new double[0][]));
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> Normalisation.fit(NormalisationKind.MIN_MAX, new double[][] {{1, 2}, {3,
                        Double.POSITIVE_INFINITY}}));
        assertTrue(infinite.getMessage().contains("Row 1, column 1"), infinite.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Normalisation.fit(NormalisationKind.MIN_MAX, new double[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("Row 1 has 1 values"), ragged.getMessage());
        Normalisation n = Normalisation.none(2);
        assertThrows(IllegalArgumentException.class, () -> n.apply(new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> n.invert(new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Normalisation.none(0));
    }

    @Test
    void applyAndInvertDoNotChangeTheirInput() {
        double[][] rows = {{1, 2}, {3, 5}};
        Normalisation n = Normalisation.fit(NormalisationKind.MIN_MAX, rows);
        n.apply(rows);
        n.invert(rows);
        assertArrayEquals(new double[] {1, 2}, rows[0]);
        n.offsets()[0] = 99;
        assertEquals(1, n.offsets()[0], "offsets() returns a copy");
    }

    @Test
    void roundTripsThroughAStreamBitExactly() throws IOException {
        double[][] rows = randomRows(30, 6, 17);
        for (NormalisationKind kind : NormalisationKind.values()) {
            Normalisation n = Normalisation.fit(kind, rows);
            Normalisation back = Normalisation.read(new DataInputStream(new ByteArrayInputStream(bytes(n))));
            assertEquals(n, back);
            assertEquals(kind, back.kind());
            assertArrayEquals(n.offsets(), back.offsets());
            assertArrayEquals(n.scales(), back.scales());
        }
    }

    @Test
    void aCorruptOrTruncatedStreamIsAnIOException() throws IOException {
        byte[] good = bytes(Normalisation.fit(NormalisationKind.MIN_MAX, randomRows(5, 3, 2)));
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        assertThrows(EOFException.class,
                () -> Normalisation.read(new DataInputStream(new ByteArrayInputStream(truncated))));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        new DataOutputStream(bad).writeUTF("LOG_SCALE");
        IOException unknown = assertThrows(IOException.class,
                () -> Normalisation.read(new DataInputStream(new ByteArrayInputStream(bad.toByteArray()))));
        assertTrue(unknown.getMessage().contains("LOG_SCALE"), unknown.getMessage());
    }

    private static byte[] bytes(Normalisation n) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        n.write(new DataOutputStream(buffer));
        return buffer.toByteArray();
    }
}
