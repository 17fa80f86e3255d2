package org.gfe.knime.core.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearPlusMlpDecoderTest {

    private static final int D = 2;
    private static final int P = 6;
    private static final double[][] INPUTS = {{0.3, -1.2}, {-0.5, 2.0}, {1.1, 0.4}};

    private static LinearPlusMlpSpec spec(boolean linearTrained) {
        return new LinearPlusMlpSpec(D, new int[] {5, 4}, Activation.ELU, P, new double[] {2.0, 0.5},
                new double[] {0.5, 1, 2, 0.1, 3, 1}, linearTrained);
    }

    private static List<double[]> randomValues(LinearPlusMlpSpec spec, long seed) {
        Random random = new Random(seed);
        List<double[]> values = new ArrayList<>();
        values.add(gaussians(random, P * D));
        values.add(gaussians(random, P));
        try (MlpDecoder g = MlpDecoder.initialise(spec.correction(), seed, DataType.FLOAT64)) {
            values.addAll(g.parameterValues()); // last layer not zero: the correction matters
        }
        return values;
    }

    private static double[] gaussians(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[][] outputWeights() {
        Random random = new Random(9);
        double[][] g = new double[INPUTS.length][P];
        for (double[] row : g) {
            for (int p = 0; p < P; p++) {
                row[p] = random.nextGaussian();
            }
        }
        return g;
    }

    private static double weightedOutput(LinearPlusMlpSpec spec, List<double[]> values, double[][] inputs) {
        double[][] g = outputWeights();
        try (LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.of(spec, values, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            double[][] out = BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, inputs,
                    DataType.FLOAT64)));
            double total = 0;
            for (int m = 0; m < out.length; m++) {
                for (int p = 0; p < P; p++) {
                    total += g[m][p] * out[m][p];
                }
            }
            return total;
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gradientsMatchFiniteDifferences(boolean linearTrained) {
        LinearPlusMlpSpec spec = spec(linearTrained);
        List<double[]> values = randomValues(spec, 3);
        try (LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.of(spec, values, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            NDArray z = BatchArrays.fromRows(manager, INPUTS, DataType.FLOAT64);
            NDArray weights = BatchArrays.fromRows(manager, outputWeights(), DataType.FLOAT64);
            MlpDecoder.Backward backward = decoder.pass(z).backward(weights);
            // input gradient, row by row
            double[] flatInputs = FiniteDifferences.flatten(List.of(INPUTS));
            double[] expectedInput = FiniteDifferences.gradient(x -> weightedOutput(spec, values,
                    unflatten(x, INPUTS.length, D)), flatInputs);
            FiniteDifferences.assertClose(expectedInput, BatchArrays.toVector(backward.inputGradient().flatten()),
                    1e-7, "input gradient");
            // parameter gradients: only the trained ones, in parameters() order
            NDList gradients = backward.parameterGradients();
            assertEquals(decoder.parameters().size(), gradients.size());
            int firstTrained = linearTrained ? 0 : 2;
            for (int i = firstTrained; i < values.size(); i++) {
                int index = i;
                double[] expected = FiniteDifferences.gradient(v -> {
                    List<double[]> changed = new ArrayList<>(values);
                    changed.set(index, v);
                    return weightedOutput(spec, changed, INPUTS);
                }, values.get(i));
                FiniteDifferences.assertClose(expected, BatchArrays.toVector(gradients.get(i - firstTrained)
                        .flatten()), 1e-7, "parameter " + i);
            }
        }
    }

    @Test
    void startsAsThePrincipalComponentsAndItsLinearCodesAreTheScores() {
        Random random = new Random(4);
        double[][] rows = new double[40][P];
        for (double[] row : rows) {
            double a = 2 * random.nextGaussian();
            double b = random.nextGaussian();
            for (int p = 0; p < P; p++) {
                row[p] = a * Math.sin(p) + b * Math.cos(2 * p) + 0.3 * random.nextGaussian() + p;
            }
        }
        PrincipalComponents pca = PrincipalComponents.fit(rows, D);
        try (LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.initialise(spec(false), pca.components(),
                pca.mean(), 7, DataType.FLOAT64); NDManager manager = DjlRuntime.newManager()) {
            double[][] codes = decoder.linearCodes(rows);
            for (int m = 0; m < rows.length; m++) {
                assertArrayEquals(pca.scores(rows[m]), codes[m], 1e-8, "row " + m);
            }
            double[][] decoded = BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, codes,
                    DataType.FLOAT64)));
            double[][] rebuilt = pca.reconstruct(rows);
            for (int m = 0; m < rows.length; m++) {
                assertArrayEquals(rebuilt[m], decoded[m], 1e-8, "row " + m);
            }
            // a row with gaps: least squares over its present cells, which for a row on the plane is exact
            double[] onPlane = rebuilt[0].clone();
            onPlane[1] = Double.NaN;
            onPlane[4] = Double.NaN;
            assertArrayEquals(codes[0], decoder.linearCodes(new double[][] {onPlane})[0], 1e-8);
        }
    }

    @Test
    void writesAndReadsItselfAndCopies() throws IOException {
        LinearPlusMlpSpec spec = spec(true);
        List<double[]> values = randomValues(spec, 5);
        try (LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.of(spec, values, DataType.FLOAT64)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            decoder.write(new DataOutputStream(bytes));
            try (LinearPlusMlpDecoder back = LinearPlusMlpDecoder.read(new DataInputStream(
                    new ByteArrayInputStream(bytes.toByteArray())), DataType.FLOAT64);
                    LinearPlusMlpDecoder copy = decoder.copy()) {
                assertEquals(spec, back.spec());
                for (int i = 0; i < values.size(); i++) {
                    assertArrayEquals(values.get(i), back.parameterValues().get(i), 0, "array " + i);
                    assertArrayEquals(values.get(i), copy.parameterValues().get(i), 0, "array " + i);
                }
                assertEquals(DecoderKind.LINEAR_PLUS_MLP, back.kind());
                assertEquals("linear 2-6 + MLP 2-5-4-6", back.description());
                assertEquals(P * D + P + spec.correction().parameterCount(), back.parameterCount());
            }
        }
    }

    @Test
    void hasNoSecondOrderProductsAndSaysWhy() {
        try (LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.of(spec(false), randomValues(spec(false), 1),
                DataType.FLOAT64); NDManager manager = DjlRuntime.newManager()) {
            NDArray z = BatchArrays.fromRows(manager, INPUTS, DataType.FLOAT64);
            DecoderEvaluation pass = decoder.pass(z);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> pass.lossHessianProduct(pass.output(), pass.output(), z));
            assertTrue(e.getMessage().contains("approximate adjoint"), e.getMessage());
        }
    }

    private static double[][] unflatten(double[] flat, int rows, int columns) {
        double[][] result = new double[rows][columns];
        for (int m = 0; m < rows; m++) {
            System.arraycopy(flat, m * columns, result[m], 0, columns);
        }
        return result;
    }
}
