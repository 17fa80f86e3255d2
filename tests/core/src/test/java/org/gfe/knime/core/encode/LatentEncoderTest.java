package org.gfe.knime.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.engine.ParallelWork;
import org.junit.jupiter.api.Test;

class LatentEncoderTest {

    /** A rank-3 linear model of 12 columns, and rows it generates exactly. */
    private static final int COLUMNS = 12;
    private static final int LATENT = 3;

    private static MaskedLinearSource source() {
        Random random = new Random(1);
        double[][] w = new double[COLUMNS][LATENT];
        double[] b = new double[COLUMNS];
        for (int p = 0; p < COLUMNS; p++) {
            for (int i = 0; i < LATENT; i++) {
                w[p][i] = random.nextGaussian() / Math.sqrt(LATENT);
            }
            b[p] = random.nextGaussian() * 0.1;
        }
        return new MaskedLinearSource(w, b);
    }

    private static double[][] generate(MaskedLinearSource source, int rows, long seed) {
        Random random = new Random(seed);
        double[][] data = new double[rows][];
        for (int m = 0; m < rows; m++) {
            double[] z = new double[LATENT];
            for (int i = 0; i < LATENT; i++) {
                z[i] = random.nextGaussian();
            }
            data[m] = source.decode(z);
        }
        return data;
    }

    private static long[] identities(int rows) {
        long[] ids = new long[rows];
        for (int m = 0; m < rows; m++) {
            ids[m] = 1000 + 7L * m;
        }
        return ids;
    }

    @Test
    void missingCellsAreFilledByReconstruction() {
        MaskedLinearSource source = source();
        double[][] complete = generate(source, 20, 2);
        double[][] gappy = new double[complete.length][];
        Random random = new Random(3);
        int gaps = 0;
        for (int m = 0; m < complete.length; m++) {
            gappy[m] = complete[m].clone();
            for (int k = 0; k < 3; k++) {
                int p = random.nextInt(COLUMNS);
                gaps += Double.isNaN(gappy[m][p]) ? 0 : 1;
                gappy[m][p] = Double.NaN;
            }
        }
        SolverSettings settings = SolverSettings.defaults().toBuilder().endTime(2000).convergenceTolerance(1e-12)
                .build();
        List<EncodedRow> codes = new LatentEncoder(source, settings).encode(gappy, identities(20),
                EncodingListener.NONE);
        double worst = 0;
        for (int m = 0; m < complete.length; m++) {
            double[] reconstructed = source.decode(codes.get(m).code());
            for (int p = 0; p < COLUMNS; p++) {
                if (Double.isNaN(gappy[m][p])) {
                    worst = Math.max(worst, Math.abs(reconstructed[p] - complete[m][p]));
                }
            }
            assertTrue(codes.get(m).loss() < 1e-6, "row " + m + " loss " + codes.get(m).loss());
        }
        assertTrue(gaps > 40);
        assertTrue(worst < 1e-3, "largest error in a filled gap: " + worst);
    }

    @Test
    void codesDoNotDependOnBatchSizeOrThreads() {
        MaskedLinearSource source = source();
        double[][] rows = generate(source, 37, 4);
        SolverSettings small = SolverSettings.defaults().toBuilder().endTime(500).encodingBatchSize(5).build();
        SolverSettings large = small.toBuilder().encodingBatchSize(128).build();
        List<EncodedRow> a = new LatentEncoder(source, small,
                ParallelWork.of(ForkJoinPool.commonPool(), 2)).encode(rows, identities(37), EncodingListener.NONE);
        List<EncodedRow> b = new LatentEncoder(source, large).encode(rows, identities(37), EncodingListener.NONE);
        for (int m = 0; m < rows.length; m++) {
            assertArrayEquals(b.get(m).code(), a.get(m).code(), 0, "row " + m);
            assertEquals(b.get(m).steps(), a.get(m).steps());
            assertTrue(a.get(m).forwards() > 0 && a.get(m).forwards() == a.get(m).inputBackwards());
        }
    }

    @Test
    void perRowBatchesShrinkSoEveryThreadWorksWithoutChangingCodes() {
        MaskedLinearSource source = source();
        double[][] rows = generate(source, 40, 9);
        SolverSettings settings = SolverSettings.defaults().toBuilder().endTime(500).build(); // batches of 128
        LatentEncoder two = new LatentEncoder(source, settings, ParallelWork.of(ForkJoinPool.commonPool(), 2));
        assertEquals(32, two.batchSize(40), "40 rows on 2 threads: batches of 32 (a multiple of 16)");
        assertEquals(128, new LatentEncoder(source, settings).batchSize(40));
        assertEquals(3, new LatentEncoder(source, settings.toBuilder().integrator(IntegratorKind.AMD_REFERENCE)
                .encodingBatchSize(3).build(), ParallelWork.of(ForkJoinPool.commonPool(), 2)).batchSize(40),
                "the reference AMD keeps its batches: its codes depend on them");
        List<EncodedRow> parallel = two.encode(rows, identities(40), EncodingListener.NONE);
        List<EncodedRow> alone = new LatentEncoder(source, settings).encode(rows, identities(40),
                EncodingListener.NONE);
        for (int m = 0; m < rows.length; m++) {
            assertArrayEquals(alone.get(m).code(), parallel.get(m).code(), 0, "row " + m);
        }
    }

    @Test
    void listenerCanCancelByReturningFalseOrThrowing() {
        MaskedLinearSource source = source();
        double[][] rows = generate(source, 40, 5);
        SolverSettings settings = SolverSettings.defaults().toBuilder().encodingBatchSize(4).build();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(EncodingCancelledException.class, () -> new LatentEncoder(source, settings,
                ParallelWork.of(ForkJoinPool.commonPool(), 2)).encode(rows,
                identities(40), (fraction, done) -> calls.incrementAndGet() < 5));
        assertTrue(calls.get() < 50, "stopped promptly after " + calls.get() + " calls");
        assertThrows(EncodingCancelledException.class, () -> new LatentEncoder(source, settings).encode(rows,
                identities(40), (fraction, done) -> {
                    throw new EncodingCancelledException();
                }));
    }

    @Test
    void progressReachesOneAndCountsRows() {
        MaskedLinearSource source = source();
        double[][] rows = generate(source, 10, 6);
        double[] last = new double[2];
        new LatentEncoder(source, SolverSettings.defaults().toBuilder().encodingBatchSize(3).build(),
                ParallelWork.of(ForkJoinPool.commonPool(), 2))
                .encode(rows, identities(10), (fraction, done) -> {
                    synchronized (last) {
                        last[0] = Math.max(last[0], fraction);
                        last[1] = Math.max(last[1], done);
                    }
                    return true;
                });
        assertEquals(1, last[0], 1e-12);
        assertEquals(10, last[1]);
    }

    @Test
    void badRowsGetClearMessages() {
        MaskedLinearSource source = source();
        LatentEncoder encoder = new LatentEncoder(source, SolverSettings.defaults());
        IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(new double[][] {new double[5]}, new long[] {1}, EncodingListener.NONE));
        assertTrue(wrongWidth.getMessage().contains("Row 0") && wrongWidth.getMessage().contains("12 columns"));
        double[] empty = new double[COLUMNS];
        java.util.Arrays.fill(empty, Double.NaN);
        IllegalArgumentException allMissing = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(new double[][] {new double[COLUMNS], empty}, new long[] {1, 2},
                        EncodingListener.NONE));
        assertTrue(allMissing.getMessage().contains("Row 1"));
    }

    @Test
    void everySolverEncodes() {
        MaskedLinearSource source = source();
        double[][] rows = generate(source, 6, 8);
        for (IntegratorKind kind : IntegratorKind.values()) {
            for (FlowOrder order : FlowOrder.values()) {
                if (kind == IntegratorKind.EULER && order == FlowOrder.SECOND) {
                    continue; // refused by the settings (see SolverSettingsTest)
                }
                SolverSettings settings = SolverSettings.defaults().toBuilder().integrator(kind).flowOrder(order)
                        .endTime(order == FlowOrder.FIRST ? 200 : 400).gridPoints(2001).relativeTolerance(1e-6)
                        .absoluteTolerance(1e-9).convergenceTolerance(1e-9).build();
                List<EncodedRow> codes = new LatentEncoder(source, settings).encode(rows, identities(6),
                        EncodingListener.NONE);
                for (EncodedRow row : codes) {
                    assertTrue(row.loss() < 1e-4, kind + " " + order + " loss " + row.loss());
                }
            }
        }
    }

}
