package org.gfe.knime.core.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The explicit back-propagation of the MLP against central finite differences in float64: gradients of
 * sum(G * D(z)) in the input and in every parameter, for every activation.
 */
class MlpDecoderGradientTest {

    private static final double[][] INPUTS = {{0.3, -1.2, 0.8}, {-0.5, 0.1, 2.0}};

    private static double[][] outputWeights() {
        Random random = new Random(5);
        double[][] g = new double[2][6];
        for (double[] row : g) {
            for (int p = 0; p < row.length; p++) {
                row[p] = random.nextGaussian();
            }
        }
        return g;
    }

    /** sum(G * D(z)) with the given parameters, in float64. */
    private static double weightedOutput(DecoderSpec spec, List<double[]> values, double[][] inputs) {
        double[][] g = outputWeights();
        try (MlpDecoder decoder = MlpDecoder.of(spec, values, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            double[][] out = BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, inputs,
                    DataType.FLOAT64)));
            double total = 0;
            for (int m = 0; m < out.length; m++) {
                for (int p = 0; p < out[m].length; p++) {
                    total += g[m][p] * out[m][p];
                }
            }
            return total;
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchFiniteDifferences(Activation activation) {
        DecoderSpec spec = new DecoderSpec(3, new int[] {5, 4}, activation, 6);
        try (MlpDecoder decoder = MlpDecoder.initialise(spec, 17, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            List<double[]> values = decoder.parameterValues();
            NDArray input = BatchArrays.fromRows(manager, INPUTS, DataType.FLOAT64);
            MlpDecoder.Backward backward = decoder.backward(input,
                    BatchArrays.fromRows(manager, outputWeights(), DataType.FLOAT64));
            assertSame(manager, backward.inputGradient().getManager());

            double[] flatInput = FiniteDifferences.flatten(List.of(INPUTS));
            double[] expectedInput = FiniteDifferences.gradient(
                    x -> weightedOutput(spec, values, new double[][] {
                            java.util.Arrays.copyOfRange(x, 0, 3), java.util.Arrays.copyOfRange(x, 3, 6)}),
                    flatInput);
            FiniteDifferences.assertClose(expectedInput, BatchArrays.toVector(backward.inputGradient().reshape(-1)),
                    1e-7, activation + " input gradient");

            double[] theta = FiniteDifferences.flatten(values);
            double[] expectedTheta = FiniteDifferences.gradient(
                    t -> weightedOutput(spec, FiniteDifferences.split(t, values), INPUTS), theta);
            NDList parameterGradients = backward.parameterGradients();
            assertEquals(6, parameterGradients.size());
            List<double[]> actual = new ArrayList<>();
            for (int k = 0; k < parameterGradients.size(); k++) {
                assertEquals(decoder.parameters().get(k).getShape(), parameterGradients.get(k).getShape(),
                        "gradient " + k + " has its parameter's shape");
                actual.add(BatchArrays.toVector(parameterGradients.get(k).reshape(-1)));
            }
            FiniteDifferences.assertClose(expectedTheta, FiniteDifferences.flatten(actual), 1e-7,
                    activation + " parameter gradients");

            DecoderPass pass = decoder.pass(input);
            NDArray g = BatchArrays.fromRows(manager, outputWeights(), DataType.FLOAT64);
            FiniteDifferences.assertClose(BatchArrays.toVector(backward.inputGradient().reshape(-1)),
                    BatchArrays.toVector(pass.inputGradient(g).reshape(-1)), 1e-14, "input-only backward");
            FiniteDifferences.assertClose(FiniteDifferences.flatten(actual), FiniteDifferences.flatten(
                    pass.parameterGradients(g).stream().map(a -> BatchArrays.toVector(a.reshape(-1))).toList()),
                    1e-14, "parameter-only backward");
        }
    }
}
