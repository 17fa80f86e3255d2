package org.gfe.knime.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.FiniteDifferences;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.LossAndGradient;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.loss.LossKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder objective's first and second derivatives against central finite differences in float64, on a
 * 3-5-4-6 decoder, for every activation and every loss, with and without missing cells.
 */
class DecoderObjectiveTest {

    private static final int LATENT = 3;
    private static final int COLUMNS = 6;
    private static final double[][] CODES = {{0.3, -1.2, 0.8}, {-0.5, 0.1, 1.4}, {0.9, 0.4, -0.7}};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (LossKind loss : new LossKind[] {LossKind.BCE, LossKind.BCE_REFERENCE, LossKind.MSE}) {
                cases.add(Arguments.of(activation, loss, false));
                cases.add(Arguments.of(activation, loss, true));
            }
        }
        return cases.stream();
    }

    /** Targets in (0, 1); with gaps, a few cells are NaN (every row keeps some). */
    private static double[][] targetRows(boolean gaps) {
        Random random = new Random(9);
        double[][] rows = new double[CODES.length][COLUMNS];
        for (double[] row : rows) {
            for (int p = 0; p < COLUMNS; p++) {
                row[p] = 0.05 + 0.9 * random.nextDouble();
            }
        }
        if (gaps) {
            rows[0][1] = Double.NaN;
            rows[0][4] = Double.NaN;
            rows[2][0] = Double.NaN;
            rows[2][2] = Double.NaN;
            rows[2][5] = Double.NaN;
        }
        return rows;
    }

    /** One setting: a decoder shape, its parameter values, a loss and target rows. */
    private record Problem(DecoderSpec spec, List<double[]> values, ReconstructionLoss loss, double[][] targets) {

        static Problem of(Activation activation, LossKind kind, boolean gaps) {
            DecoderSpec spec = new DecoderSpec(LATENT, new int[] {5, 4}, activation, COLUMNS);
            try (MlpDecoder decoder = MlpDecoder.initialise(spec, 23, DataType.FLOAT64)) {
                return new Problem(spec, decoder.parameterValues(), ReconstructionLoss.of(kind), targetRows(gaps));
            }
        }

        /** Runs the function on this problem's objective with the given parameters, in a fresh manager. */
        <T> T with(List<double[]> parameters, Function<Context, T> body) {
            try (MlpDecoder decoder = MlpDecoder.of(spec, parameters, DataType.FLOAT64);
                    NDManager manager = DjlRuntime.newManager()) {
                return body.apply(new Context(manager, DecoderObjective.of(decoder, loss, manager, targets)));
            }
        }

        <T> T with(Function<Context, T> body) {
            return with(values, body);
        }

        double total(List<double[]> parameters, double[] codes) {
            return with(parameters, c -> Arrays.stream(BatchArrays.toVector(c.objective.rowLosses(c.codes(codes))))
                    .sum());
        }

        double[] gradient(double[] codes) {
            return with(c -> flat(c.objective.lossAndGradient(c.codes(codes)).gradient()));
        }

        double[] parameterGradient(double[] codes) {
            return with(c -> flat(c.objective.parameterGradient(c.codes(codes))));
        }
    }

    private record Context(NDManager manager, DecoderObjective objective) {
        NDArray codes(double[] flat) {
            return manager.create(flat, new ai.djl.ndarray.types.Shape(flat.length / LATENT, LATENT));
        }
    }

    @ParameterizedTest(name = "{0} {1} gaps={2}")
    @MethodSource("cases")
    void lossAndGradientMatchFiniteDifferences(Activation activation, LossKind kind, boolean gaps) {
        Problem problem = Problem.of(activation, kind, gaps);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        problem.with(c -> {
            LossAndGradient result = c.objective.lossAndGradient(c.codes(z));
            assertArrayEquals(BatchArrays.toVector(c.objective.rowLosses(c.codes(z))),
                    BatchArrays.toVector(result.rowLosses()), "losses of lossAndGradient equal rowLosses");
            FiniteDifferences.assertClose(FiniteDifferences.gradient(x -> problem.total(problem.values, x), z),
                    flat(result.gradient()), 1e-7, "grad_z");
            return null;
        });
    }

    @ParameterizedTest(name = "{0} {1} gaps={2}")
    @MethodSource("cases")
    void hessianVectorProductMatchesFiniteDifferencesOfTheGradient(Activation activation, LossKind kind,
            boolean gaps) {
        Problem problem = Problem.of(activation, kind, gaps);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        double[] v = new Random(4).doubles(z.length, -1, 1).toArray();
        double[] expected = FiniteDifferences.directional(problem::gradient, z, v);
        double[] actual = problem.with(c -> flat(c.objective.hessianVectorProduct(c.codes(z), c.codes(v))));
        FiniteDifferences.assertClose(expected, actual, 1e-6, "H v");
    }

    @ParameterizedTest(name = "{0} {1} gaps={2}")
    @MethodSource("cases")
    void parameterGradientMatchesFiniteDifferences(Activation activation, LossKind kind, boolean gaps) {
        Problem problem = Problem.of(activation, kind, gaps);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        double[] theta = FiniteDifferences.flatten(problem.values);
        double[] expected = FiniteDifferences.gradient(
                t -> problem.total(FiniteDifferences.split(t, problem.values), z), theta);
        FiniteDifferences.assertClose(expected, problem.parameterGradient(z), 1e-7, "d_theta L");
    }

    @ParameterizedTest(name = "{0} {1} gaps={2}")
    @MethodSource("cases")
    void mixedProductMatchesFiniteDifferencesOfTheParameterGradient(Activation activation, LossKind kind,
            boolean gaps) {
        Problem problem = Problem.of(activation, kind, gaps);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        double[] lambda = new Random(6).doubles(z.length, -1, 1).toArray();
        // d_theta [ lambda . grad_z L ] = d/de d_theta L(z + e lambda) at e = 0
        double[] expected = FiniteDifferences.directional(problem::parameterGradient, z, lambda);
        double[] actual = problem.with(c -> flat(c.objective.mixedParameterProduct(c.codes(z), c.codes(lambda))));
        FiniteDifferences.assertClose(expected, actual, 1e-6, "mixed product");
    }

    @Test
    void restrictingPicksRowsAndTheirMasks() {
        Problem problem = Problem.of(Activation.ELU, LossKind.MSE, true);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        problem.with(c -> {
            double[] all = BatchArrays.toVector(c.objective.rowLosses(c.codes(z)));
            DecoderObjective picked = c.objective.restrictTo(new int[] {2, 0});
            assertEquals(2, picked.rowCount());
            double[] codes = FiniteDifferences.flatten(List.of(CODES[2], CODES[0]));
            double[] some = BatchArrays.toVector(picked.rowLosses(c.codes(codes)));
            assertEquals(all[2], some[0], 1e-15);
            assertEquals(all[0], some[1], 1e-15);
            double[][] gradient = BatchArrays.toRows(c.objective.lossAndGradient(c.codes(z)).gradient());
            double[][] pickedGradient = BatchArrays.toRows(picked.lossAndGradient(c.codes(codes)).gradient());
            assertArrayEquals(gradient[2], pickedGradient[0], 1e-15);
            assertArrayEquals(gradient[0], pickedGradient[1], 1e-15);
            return null;
        });
    }

    @Test
    void everyResultBelongsToTheCodesManagerSoStepScopesFreeIt() {
        Problem problem = Problem.of(Activation.TANH, LossKind.BCE_REFERENCE, true);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        problem.with(c -> {
            int before = c.manager.getManagedArrays().size();
            try (NDManager step = c.manager.newSubManager()) {
                NDArray codes = step.create(z, new ai.djl.ndarray.types.Shape(3, LATENT));
                LossAndGradient result = c.objective.lossAndGradient(codes);
                assertSame(step, result.rowLosses().getManager());
                assertSame(step, result.gradient().getManager());
                assertSame(step, c.objective.rowLosses(codes).getManager());
                assertSame(step, c.objective.hessianVectorProduct(codes, codes).getManager());
                NDList mixed = c.objective.mixedParameterProduct(codes, codes);
                NDList gradient = c.objective.parameterGradient(codes);
                for (int k = 0; k < mixed.size(); k++) {
                    assertSame(step, mixed.get(k).getManager());
                    assertSame(step, gradient.get(k).getManager());
                }
            }
            assertEquals(before, c.manager.getManagedArrays().size(), "nothing was left in the batch's manager");
            return null;
        });
    }

    @Test
    void targetsTurnMissingCellsIntoAMask() {
        try (NDManager manager = DjlRuntime.newManager()) {
            TargetBatch complete = TargetBatch.of(manager, new double[][] {{1, 2}, {3, 4}}, 2, DataType.FLOAT32);
            assertNull(complete.mask(), "no mask when nothing is missing");
            assertEquals(DataType.FLOAT32, complete.targets().getDataType());
            TargetBatch gaps = TargetBatch.of(manager, new double[][] {{1, Double.NaN}, {3, 4}}, 2,
                    DataType.FLOAT64);
            assertArrayEquals(new double[] {1, 0, 3, 4}, gaps.targets().toDoubleArray());
            assertArrayEquals(new double[] {1, 0, 1, 1}, gaps.mask().toDoubleArray());
            IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                    () -> TargetBatch.of(manager, new double[][] {{1, 2, 3}}, 2, DataType.FLOAT32));
            assertTrue(width.getMessage().contains("Row 0") && width.getMessage().contains("2 outputs"),
                    width.getMessage());
            IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                    () -> TargetBatch.of(manager, new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}, 2,
                            DataType.FLOAT32));
            assertTrue(infinite.getMessage().contains("Row 1, column 0"), infinite.getMessage());
        }
    }

    @Test
    void float32ObjectiveAgreesWithFloat64() {
        Problem problem = Problem.of(Activation.ELU, LossKind.BCE, false);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        double[] exact = problem.gradient(z);
        try (MlpDecoder decoder = MlpDecoder.of(problem.spec, problem.values, DataType.FLOAT32);
                NDManager manager = DjlRuntime.newManager()) {
            DecoderObjective objective = DecoderObjective.of(decoder, problem.loss, manager, problem.targets);
            NDArray codes = BatchArrays.fromRows(manager, CODES, DataType.FLOAT32);
            LossAndGradient single = objective.lossAndGradient(codes);
            assertEquals(DataType.FLOAT32, single.gradient().getDataType());
            FiniteDifferences.assertClose(exact, flat(single.gradient()), 1e-5, "float32 gradient");
        }
    }

    @Test
    void targetsOfTheWrongWidthAreRejected() {
        Problem problem = Problem.of(Activation.ELU, LossKind.MSE, false);
        try (MlpDecoder decoder = MlpDecoder.of(problem.spec, problem.values, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            NDArray wrong = manager.zeros(new ai.djl.ndarray.types.Shape(2, 5), DataType.FLOAT64);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new DecoderObjective(decoder, problem.loss, wrong, null));
            assertTrue(error.getMessage().contains("6 outputs"), error.getMessage());
        }
    }

    private static double[] flat(NDArray array) {
        return BatchArrays.toVector(array.reshape(-1));
    }

    private static double[] flat(NDList list) {
        List<double[]> parts = new ArrayList<>();
        for (NDArray array : list) {
            parts.add(flat(array));
        }
        return FiniteDifferences.flatten(parts);
    }
}
