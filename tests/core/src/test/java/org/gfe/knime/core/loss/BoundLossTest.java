package org.gfe.knime.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A loss bound to its targets (what the solvers' inner loop uses) gives bit for bit what {@code evaluate} gives, in
 * both precisions, with and without a mask, at saturated and ordinary outputs; and leaves nothing per evaluation in
 * the targets' manager.
 */
class BoundLossTest {

    private static double[][] random(Random random, int rows, int columns, double scale, double offset) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int p = 0; p < columns; p++) {
                row[p] = offset + scale * random.nextDouble();
            }
        }
        return values;
    }

    private static int managed(NDManager manager) {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"BCE", "BCE_REFERENCE", "MSE"})
    void boundEvaluationEqualsEvaluateExactly(LossKind kind) {
        ReconstructionLoss loss = ReconstructionLoss.of(kind);
        Random random = new Random(7);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            for (boolean masked : new boolean[] {false, true}) {
                try (NDManager batch = DjlRuntime.newManager()) {
                    NDArray targets = BatchArrays.fromRows(batch, random(random, 6, 37, 1, 0), type);
                    NDArray mask = masked ? batch.randomUniform(0, 1, new Shape(6, 37)).gte(0.3).toType(type, false)
                            : null;
                    BoundLoss bound = loss.bind(targets, mask);
                    int arrays = managed(batch);
                    for (int trial = 0; trial < 3; trial++) {
                        try (NDManager step = batch.newSubManager()) {
                            // logits up to +-40: sigmoid saturates to 0 or 1 in float32
                            NDArray outputs = BatchArrays.fromRows(step, random(random, 6, 37, 80, -40), type);
                            LossEvaluation expected = loss.evaluate(outputs, targets, mask);
                            LossEvaluation actual = bound.evaluate(outputs);
                            String where = kind + " " + type + (masked ? " masked" : "");
                            assertArrayEquals(BatchArrays.toVector(expected.rowLosses()),
                                    BatchArrays.toVector(actual.rowLosses()), 0, where);
                            assertArrayEquals(BatchArrays.toVector(expected.outputGradient().flatten()),
                                    BatchArrays.toVector(actual.outputGradient().flatten()), 0, where);
                            assertEquals(step, actual.rowLosses().getManager(), "results go to the outputs' manager");
                        }
                        assertEquals(arrays, managed(batch), "nothing left in the batch's manager");
                    }
                }
            }
        }
    }
}
