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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.optim.RmsProp;
import org.gfe.knime.core.train.DecoderTrainingLoop;
import org.gfe.knime.core.train.DecoderUnderTraining;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The 1-D convolutional decoder: forward against plain Java, derivatives against finite differences, storage. */
class ConvDecoder1dTest {

    private static final int P = 7;
    private static final double[][] CODES = {{0.4, -0.9}, {-0.3, 0.6}, {1.1, 0.2}};

    private static ConvDecoderSpec spec(Activation activation) {
        return new ConvDecoderSpec(2, 3, 3, 2, activation, P);
    }

    /** Dense layer, then "same"-padded cross-correlations (torch's conv1d), written out. */
    private static double[] plainForward(ConvDecoderSpec spec, List<double[]> values, double[] z) {
        int c = spec.channels();
        double[] w = values.get(0);
        double[] b = values.get(1);
        double[][] h = new double[c][P];
        for (int o = 0; o < c * P; o++) {
            double s = b[o];
            for (int i = 0; i < z.length; i++) {
                s += w[o * z.length + i] * z[i];
            }
            h[o / P][o % P] = PlainMlp.activate(spec.activation(), s);
        }
        int k = spec.kernelSize();
        for (int layer = 1; layer <= spec.convolutions(); layer++) {
            boolean last = layer == spec.convolutions();
            int out = last ? 1 : c;
            double[] kernel = values.get(2 * layer);
            double[] bias = values.get(2 * layer + 1);
            double[][] next = new double[out][P];
            for (int o = 0; o < out; o++) {
                for (int t = 0; t < P; t++) {
                    double s = bias[o];
                    for (int i = 0; i < c; i++) {
                        for (int j = 0; j < k; j++) {
                            int at = t + j - k / 2;
                            if (at >= 0 && at < P) {
                                s += kernel[(o * c + i) * k + j] * h[i][at];
                            }
                        }
                    }
                    next[o][t] = last ? s : PlainMlp.activate(spec.activation(), s);
                }
            }
            h = next;
        }
        return h[0];
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardMatchesPlainJava(Activation activation) {
        try (ConvDecoder1d decoder = ConvDecoder1d.initialise(spec(activation), 3, DataType.FLOAT64);
                NDManager manager = DjlRuntime.newManager()) {
            double[][] out = BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, CODES,
                    DataType.FLOAT64)));
            for (int m = 0; m < CODES.length; m++) {
                FiniteDifferences.assertClose(plainForward(decoder.spec(), decoder.parameterValues(), CODES[m]),
                        out[m], 1e-12, activation + " row " + m);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativesMatchFiniteDifferences(Activation activation) {
        ConvDecoderSpec spec = spec(activation);
        List<double[]> values;
        try (ConvDecoder1d decoder = ConvDecoder1d.initialise(spec, 8, DataType.FLOAT64)) {
            values = decoder.parameterValues();
        }
        double[][] targets = new double[CODES.length][P];
        Random random = new Random(2);
        for (double[] row : targets) {
            for (int p = 0; p < P; p++) {
                row[p] = random.nextDouble();
            }
        }
        targets[1][3] = Double.NaN;
        Problem problem = new Problem(spec, values, ReconstructionLoss.of(LossKind.BCE), targets);
        double[] z = FiniteDifferences.flatten(List.of(CODES));
        double[] v = new Random(4).doubles(z.length, -1, 1).toArray();
        double[] theta = FiniteDifferences.flatten(values);

        FiniteDifferences.assertClose(FiniteDifferences.gradient(x -> problem.total(values, x), z),
                problem.gradient(z), 1e-7, activation + " grad_z");
        FiniteDifferences.assertClose(FiniteDifferences.directional(problem::gradient, z, v),
                problem.with(values, c -> flat(c.objective().hessianVectorProduct(c.codes(z), c.codes(v)))), 1e-6,
                activation + " H v");
        FiniteDifferences.assertClose(FiniteDifferences.gradient(
                t -> problem.total(FiniteDifferences.split(t, values), z), theta), problem.parameterGradient(z),
                1e-7, activation + " d_theta L");
        FiniteDifferences.assertClose(FiniteDifferences.directional(problem::parameterGradient, z, v),
                problem.with(values, c -> flat(c.objective().mixedParameterProduct(c.codes(z), c.codes(v)))), 1e-6,
                activation + " mixed product");
    }

    @Test
    void initialisationFollowsPyTorchsBoundsAndShapes() {
        ConvDecoderSpec spec = new ConvDecoderSpec(4, 5, 7, 3, Activation.ELU, 40);
        try (ConvDecoder1d decoder = ConvDecoder1d.initialise(spec, 1, DataType.FLOAT32)) {
            List<double[]> values = decoder.parameterValues();
            assertEquals(spec.parameterCount(), values.stream().mapToInt(a -> a.length).sum());
            assertEquals(4 * 5 * 40 + 5 * 40 + 2 * (5 * 5 * 7 + 5) + 5 * 7 + 1, spec.parameterCount());
            double[] bounds = {1 / Math.sqrt(4), 1 / Math.sqrt(35), 1 / Math.sqrt(35), 1 / Math.sqrt(35)};
            for (int i = 0; i < values.size(); i++) {
                double bound = bounds[i / 2];
                for (double value : values.get(i)) {
                    assertTrue(Math.abs(value) <= bound * (1 + 1e-7), "parameter " + i + ": " + value);
                }
            }
            NDList live = decoder.parameters();
            assertArrayEquals(new long[] {200, 4}, live.get(0).getShape().getShape());
            assertArrayEquals(new long[] {5, 5, 7}, live.get(2).getShape().getShape());
            assertArrayEquals(new long[] {1, 5, 7}, live.get(6).getShape().getShape());
            assertArrayEquals(new long[] {1}, live.get(7).getShape().getShape());
        }
    }

    @Test
    void writeAndReadRoundTrip() throws IOException {
        try (ConvDecoder1d decoder = ConvDecoder1d.initialise(spec(Activation.TANH), 5, DataType.FLOAT32)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            decoder.write(new DataOutputStream(bytes));
            try (ConvDecoder1d back = ConvDecoder1d.read(new DataInputStream(new ByteArrayInputStream(
                    bytes.toByteArray())), DataType.FLOAT32)) {
                assertEquals(decoder.spec(), back.spec());
                for (int i = 0; i < 6; i++) {
                    assertArrayEquals(decoder.parameterValues().get(i), back.parameterValues().get(i));
                }
            }
        }
    }

    @Test
    void trainingOnSpectraReducesTheLoss() {
        Random random = new Random(3);
        double[][] spectra = new double[40][24];
        for (double[] row : spectra) {
            double centre = 6 + 12 * random.nextDouble();
            double height = 0.5 + random.nextDouble();
            for (int p = 0; p < row.length; p++) {
                row[p] = height * Math.exp(-(p - centre) * (p - centre) / 8);
            }
        }
        TrainingConfig config = TrainingConfig.builder().latentDimension(2).epochs(4).batchSize(5)
                .learningRate(3e-3).solver(SolverSettings.defaults().toBuilder().endTime(200).build()).build();
        ConvDecoderSpec shape = new ConvDecoderSpec(2, 4, 5, 2, Activation.ELU, 24);
        try (ConvDecoder1d decoder = ConvDecoder1d.initialise(shape, 6, DataType.FLOAT32);
                DecoderUnderTraining training = new DecoderUnderTraining(decoder, ReconstructionLoss.of(LossKind.MSE),
                        new RmsProp(config.learningRate(), config.rmsAlpha(), config.rmsEpsilon()))) {
            List<TrainingRecord> history = new DecoderTrainingLoop(config).run(training, spectra,
                    TrainingListener.NONE);
            double first = history.subList(0, 8).stream().mapToDouble(TrainingRecord::trainingLoss).average()
                    .orElseThrow();
            double last = history.subList(24, 32).stream().mapToDouble(TrainingRecord::trainingLoss).average()
                    .orElseThrow();
            assertTrue(last < 0.5 * first, "mean training loss of the first and last epoch: " + first + " -> " + last);
        }
    }

    @Test
    void invalidSpecsAreRejected() {
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> new ConvDecoderSpec(2, 3, 4, 1, Activation.ELU, 10));
        assertTrue(even.getMessage().contains("odd"), even.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvDecoderSpec(2, 3, 3, 0, Activation.ELU, 10));
        assertThrows(IllegalArgumentException.class, () -> new ConvDecoderSpec(2, 0, 3, 1, Activation.ELU, 10));
    }

    /** A decoder shape, parameter values, a loss and target rows. */
    private record Problem(ConvDecoderSpec spec, List<double[]> values, ReconstructionLoss loss, double[][] targets) {

        <T> T with(List<double[]> parameters, Function<Context, T> body) {
            try (ConvDecoder1d decoder = ConvDecoder1d.of(spec, parameters, DataType.FLOAT64);
                    NDManager manager = DjlRuntime.newManager()) {
                return body.apply(new Context(manager, DecoderObjective.of(decoder, loss, manager, targets)));
            }
        }

        double total(List<double[]> parameters, double[] codes) {
            return with(parameters, c -> Arrays.stream(BatchArrays.toVector(c.objective().rowLosses(c.codes(codes))))
                    .sum());
        }

        double[] gradient(double[] codes) {
            return with(values, c -> flat(c.objective().lossAndGradient(c.codes(codes)).gradient()));
        }

        double[] parameterGradient(double[] codes) {
            return with(values, c -> flat(c.objective().parameterGradient(c.codes(codes))));
        }
    }

    private record Context(NDManager manager, DecoderObjective objective) {
        NDArray codes(double[] flat) {
            return manager.create(flat, new ai.djl.ndarray.types.Shape(flat.length / 2, 2));
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
