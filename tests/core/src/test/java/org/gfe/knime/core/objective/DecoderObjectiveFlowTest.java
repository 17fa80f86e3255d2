package org.gfe.knime.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Random;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.FlowSolution;
import org.gfe.knime.core.encode.FlowSolver;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.MeanSquaredError;
import org.gfe.knime.core.loss.StableBinaryCrossEntropy;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.StepObserver;
import org.gfe.knime.core.decoder.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gradient flow over a real decoder objective finds codes that reconstruct rows the decoder can produce. */
class DecoderObjectiveFlowTest {

    private static final DecoderSpec SPEC = new DecoderSpec(2, new int[] {8}, Activation.TANH, 10);

    /** Rows decoded from known codes, so a perfect code exists. */
    private static double[][] reachableRows(MlpDecoder decoder, NDManager manager) {
        Random random = new Random(12);
        double[][] codes = new double[6][2];
        for (double[] code : codes) {
            code[0] = random.nextGaussian();
            code[1] = random.nextGaussian();
        }
        return BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, codes, decoder.precision())));
    }

    @ParameterizedTest
    @EnumSource(value = IntegratorKind.class, names = {"AMD_PER_ROW", "AMD_REFERENCE", "RK4", "DORMAND_PRINCE"})
    void flowDrivesTheMeanSquaredErrorTowardsZero(IntegratorKind integrator) {
        SolverSettings settings = SolverSettings.defaults().toBuilder().integrator(integrator).endTime(2000)
                .gridPoints(801).build();
        try (MlpDecoder decoder = MlpDecoder.initialise(SPEC, 4, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            DecoderObjective objective = DecoderObjective.of(decoder, new MeanSquaredError(), manager,
                    reachableRows(decoder, manager));
            NDArray start = manager.zeros(new ai.djl.ndarray.types.Shape(6, 2), DataType.FLOAT64);
            double[] initial = BatchArrays.toVector(objective.rowLosses(start));
            FlowSolution solution = new FlowSolver(settings).solve(objective, start, StepObserver.NONE);
            double[] recomputed = BatchArrays.toVector(objective.rowLosses(
                    BatchArrays.fromRows(manager, solution.codes(), DataType.FLOAT64)));
            for (int m = 0; m < 6; m++) {
                assertEquals(recomputed[m], solution.losses()[m], 1e-12, "reported loss of row " + m);
                assertTrue(solution.losses()[m] < 1e-3 * initial[m],
                        integrator + " row " + m + ": " + initial[m] + " -> " + solution.losses()[m]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FlowOrder.class)
    void bothFlowOrdersReduceACrossEntropyInFloat32(FlowOrder order) {
        SolverSettings settings = SolverSettings.defaults().toBuilder().flowOrder(order)
                .integrator(order == FlowOrder.FIRST ? IntegratorKind.AMD_PER_ROW : IntegratorKind.RK4)
                .endTime(500).gridPoints(501).build();
        try (MlpDecoder decoder = MlpDecoder.initialise(SPEC, 5, DataType.FLOAT32);
                NDManager manager = DjlRuntime.newManager()) {
            double[][] rows = reachableRows(decoder, manager);
            for (double[] row : rows) {
                for (int p = 0; p < row.length; p++) {
                    row[p] = 1 / (1 + Math.exp(-3 * row[p]));
                }
            }
            DecoderObjective objective = DecoderObjective.of(decoder, new StableBinaryCrossEntropy(), manager, rows);
            NDArray start = manager.zeros(new ai.djl.ndarray.types.Shape(6, 2), DataType.FLOAT32);
            double initial = Arrays.stream(BatchArrays.toVector(objective.rowLosses(start))).sum();
            FlowSolution solution = new FlowSolver(settings).solve(objective, start, StepObserver.NONE);
            double end = Arrays.stream(solution.losses()).sum();
            assertTrue(end < initial - 0.01, order + ": " + initial + " -> " + end);
        }
    }
}
