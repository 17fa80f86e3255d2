package org.gfe.knime.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Random;
import org.gfe.knime.core.decoder.FiniteDifferences;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReconstructionLossTest {

    private static final double[][] OUTPUTS = {{-2.0, 0.0, 3.0, 0.7}, {1.5, -0.4, -3.5, 2.2}};
    private static final double[][] TARGETS = {{0.0, 0.5, 1.0, 0.25}, {0.9, 0.1, 0.0, 1.0}};
    private static final double[][] MASK = {{1, 0, 1, 1}, {0, 1, 1, 0}};

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    /** Spec section 1, written out for one cell. */
    private static double referenceTerm(double u, double y) {
        double s = sigmoid(u);
        return -y * Math.log(s + 1e-8) - (1 - y) * Math.log(1 - s + 1e-8);
    }

    @Test
    void referenceCrossEntropyIsTheSpecsFormula() {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray losses = new ReferenceBinaryCrossEntropy().rowLosses(array(manager, OUTPUTS),
                    array(manager, TARGETS), null);
            double[] actual = BatchArrays.toVector(losses);
            for (int m = 0; m < 2; m++) {
                double expected = 0;
                for (int p = 0; p < 4; p++) {
                    expected += referenceTerm(OUTPUTS[m][p], TARGETS[m][p]) / 4;
                }
                assertEquals(expected, actual[m], 1e-14, "row " + m);
            }
            // one cell by hand: u = 0, y = 0.5: s = 0.5, t = -log(0.5 + 1e-8)
            double[] half = BatchArrays.toVector(new ReferenceBinaryCrossEntropy().rowLosses(
                    array(manager, new double[][] {{0}}), array(manager, new double[][] {{0.5}}), null));
            assertEquals(-Math.log(0.5 + 1e-8), half[0], 1e-15);
        }
    }

    @Test
    void referenceCrossEntropyKeepsItsFloat32Saturation() {
        try (NDManager manager = DjlRuntime.newManager()) {
            // in float32 sigmoid(30) rounds to 1, so the naive form gives -log(1e-8) where the true loss is 30
            NDArray u = array(manager, new double[][] {{30}}).toType(DataType.FLOAT32, false);
            NDArray y = array(manager, new double[][] {{0}}).toType(DataType.FLOAT32, false);
            double reference = BatchArrays.toVector(new ReferenceBinaryCrossEntropy().rowLosses(u, y, null))[0];
            double stable = BatchArrays.toVector(new StableBinaryCrossEntropy().rowLosses(u, y, null))[0];
            assertEquals(-Math.log(1e-8), reference, 1e-5);
            assertEquals(30, stable, 1e-5);
        }
    }

    @Test
    void stableAndReferenceCrossEntropyAgreeAwayFromSaturation() {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray u = array(manager, OUTPUTS);
            NDArray y = array(manager, TARGETS);
            FiniteDifferences.assertClose(BatchArrays.toVector(new ReferenceBinaryCrossEntropy().rowLosses(u, y, null)),
                    BatchArrays.toVector(new StableBinaryCrossEntropy().rowLosses(u, y, null)), 1e-6, "losses");
            FiniteDifferences.assertClose(flat(new ReferenceBinaryCrossEntropy().outputGradient(u, y, null)),
                    flat(new StableBinaryCrossEntropy().outputGradient(u, y, null)), 1e-6, "gradients");
        }
    }

    @Test
    void meanSquaredErrorByHandWithAndWithoutMask() {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray u = array(manager, new double[][] {{1, 2, 3}});
            NDArray y = array(manager, new double[][] {{0, 0, 0}});
            MeanSquaredError mse = new MeanSquaredError();
            assertEquals(14.0 / 3, BatchArrays.toVector(mse.rowLosses(u, y, null))[0], 1e-15);
            NDArray mask = array(manager, new double[][] {{1, 0, 1}});
            assertEquals(5.0, BatchArrays.toVector(mse.rowLosses(u, y, mask))[0], 1e-15, "(1 + 9) / 2 present");
            double[] gradient = flat(mse.outputGradient(u, y, mask));
            assertEquals(1.0, gradient[0], 1e-15);
            assertEquals(0.0, gradient[1], 0);
            assertEquals(3.0, gradient[2], 1e-15);
        }
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"BCE", "BCE_REFERENCE", "MSE"})
    void derivativesMatchFiniteDifferences(LossKind kind) {
        ReconstructionLoss loss = ReconstructionLoss.of(kind);
        assertEquals(kind, loss.kind());
        for (boolean masked : new boolean[] {false, true}) {
            try (NDManager manager = DjlRuntime.newManager()) {
                NDArray y = array(manager, TARGETS);
                NDArray mask = masked ? array(manager, MASK) : null;
                double[] u0 = FiniteDifferences.flatten(java.util.List.of(OUTPUTS));
                double[] gradient = flat(loss.outputGradient(array(manager, OUTPUTS), y, mask));
                FiniteDifferences.assertClose(FiniteDifferences.gradient(u -> total(loss, manager, u, y, mask), u0),
                        gradient, 1e-8, kind + " gradient, masked " + masked);
                double[] curvature = flat(loss.outputCurvature(array(manager, OUTPUTS), y, mask));
                // the loss is separable, so its Hessian is diagonal: the curvature is the directional derivative
                // of the gradient along a direction, divided by that direction elementwise
                double[] direction = new Random(3).doubles(u0.length, 0.5, 1.5).toArray();
                double[] expected = FiniteDifferences.directional(
                        u -> flat(loss.outputGradient(array(manager, rows(u)), y, mask)), u0, direction);
                for (int i = 0; i < expected.length; i++) {
                    expected[i] /= direction[i];
                }
                FiniteDifferences.assertClose(expected, curvature, 1e-7, kind + " curvature, masked " + masked);
                LossEvaluation evaluation = loss.evaluate(array(manager, OUTPUTS), y, mask);
                FiniteDifferences.assertClose(flat(loss.rowLosses(array(manager, OUTPUTS), y, mask)),
                        flat(evaluation.rowLosses()), 1e-15, "evaluate: losses");
                FiniteDifferences.assertClose(gradient, flat(evaluation.outputGradient()), 1e-15,
                        "evaluate: gradient");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"BCE", "BCE_REFERENCE", "MSE"})
    void missingCellsContributeNothing(LossKind kind) {
        ReconstructionLoss loss = ReconstructionLoss.of(kind);
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray mask = array(manager, MASK);
            double[][] otherOutputs = {{-2.0, 9.0, 3.0, 0.7}, {-7.0, -0.4, -3.5, 5.0}};
            double[][] otherTargets = {{0.0, 0.0, 1.0, 0.25}, {0.3, 0.1, 0.0, 0.0}};
            NDArray u = array(manager, OUTPUTS);
            NDArray y = array(manager, TARGETS);
            double[] losses = flat(loss.rowLosses(u, y, mask));
            FiniteDifferences.assertClose(losses, flat(loss.rowLosses(array(manager, otherOutputs),
                    array(manager, otherTargets), mask)), 1e-15, "losses ignore missing cells");
            // a row's loss is the mean over its present cells: the same as the unmasked loss of those cells
            NDArray firstPresent = array(manager, new double[][] {{-2.0, 3.0, 0.7}});
            NDArray firstTargets = array(manager, new double[][] {{0.0, 1.0, 0.25}});
            assertEquals(flat(loss.rowLosses(firstPresent, firstTargets, null))[0], losses[0], 1e-15);
            double[] gradient = flat(loss.outputGradient(u, y, mask));
            double[] curvature = flat(loss.outputCurvature(u, y, mask));
            double[] flatMask = FiniteDifferences.flatten(java.util.List.of(MASK));
            for (int i = 0; i < flatMask.length; i++) {
                if (flatMask[i] == 0) {
                    assertEquals(0, gradient[i], 0, "gradient at missing cell " + i);
                    assertEquals(0, curvature[i], 0, "curvature at missing cell " + i);
                }
            }
        }
    }

    @Test
    void resultsBelongToTheOutputsManager() {
        try (NDManager manager = DjlRuntime.newManager(); NDManager other = DjlRuntime.newManager()) {
            NDArray u = array(manager, OUTPUTS);
            NDArray y = array(other, TARGETS);
            for (LossKind kind : new LossKind[] {LossKind.BCE, LossKind.BCE_REFERENCE, LossKind.MSE}) {
                ReconstructionLoss loss = ReconstructionLoss.of(kind);
                assertSame(manager, loss.rowLosses(u, y, null).getManager(), kind + " losses");
                assertSame(manager, loss.outputGradient(u, y, null).getManager(), kind + " gradient");
                assertSame(manager, loss.outputCurvature(u, y, null).getManager(), kind + " curvature");
            }
        }
    }

    @Test
    void autoMustBeResolvedFirst() {
        IllegalArgumentException auto = assertThrows(IllegalArgumentException.class,
                () -> ReconstructionLoss.of(LossKind.AUTO));
        assertTrue(auto.getMessage().contains("AUTO"), auto.getMessage());
        assertInstanceOf(StableBinaryCrossEntropy.class, ReconstructionLoss.of(LossKind.BCE));
        assertInstanceOf(ReferenceBinaryCrossEntropy.class, ReconstructionLoss.of(LossKind.BCE_REFERENCE));
        assertInstanceOf(MeanSquaredError.class, ReconstructionLoss.of(LossKind.MSE));
    }

    private static double total(ReconstructionLoss loss, NDManager manager, double[] u, NDArray y, NDArray mask) {
        double sum = 0;
        for (double value : flat(loss.rowLosses(array(manager, rows(u)), y, mask))) {
            sum += value;
        }
        return sum;
    }

    private static double[][] rows(double[] flat) {
        return new double[][] {java.util.Arrays.copyOfRange(flat, 0, 4), java.util.Arrays.copyOfRange(flat, 4, 8)};
    }

    private static NDArray array(NDManager manager, double[][] rows) {
        return BatchArrays.fromRows(manager, rows, DataType.FLOAT64);
    }

    private static double[] flat(NDArray array) {
        return BatchArrays.toVector(array.reshape(-1));
    }
}
