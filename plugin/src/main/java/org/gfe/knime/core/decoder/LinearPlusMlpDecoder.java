package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A decoder {@code D(z) = W0 z + b0 + sigma * g(z / s)}: a linear part plus an MLP correction g that sees the codes
 * divided by fixed scales s (so its inputs are of order one whatever the spread of the codes) and whose outputs are
 * multiplied by fixed per-column scales sigma (the size of what the linear part leaves, so that the optimiser's steps,
 * which RMSprop makes of about the same size whatever the gradient, move g's outputs in proportion to the residual it
 * models rather than in z-score units: a residual of 1e-2 would otherwise be swamped by the first steps). Initialised
 * with W0, b0 from
 * the principal components of the training rows and g's last layer at zero, it starts as PCA's reconstruction, and a
 * row's gradient-flow code started at its linear least-squares code ({@link #linearCodes}) starts at the PCA score,
 * where the flow's gradient is zero: the first encoding is exactly PCA's. Training then shapes g (and W0, b0 if
 * {@link LinearPlusMlpSpec#linearPartTrained()}); codes remain the flow's optimum of the reconstruction loss.
 *
 * <p>Parameters in order: W0 {@code [P, d]}, b0 {@code [P]}, then g's W1, b1, ... as in {@link MlpDecoder};
 * {@link #parameters()} lists only the trained ones. Gradients and the first-order flow are exact; the second-order
 * products the full adjoint needs are not offered (it trains with the approximate adjoint only).
 */
public final class LinearPlusMlpDecoder implements Decoder {

    private final LinearPlusMlpSpec spec;
    /** W0 and b0. */
    private final ParameterStore linear;
    /** 1/s and sigma, constants (their own store, so {@link #write} can write the linear part as it is). */
    private final ParameterStore scales;
    private final DenseMap linearMap;
    private final MlpDecoder correction;

    private LinearPlusMlpDecoder(LinearPlusMlpSpec spec, List<double[]> values, DataType precision) {
        ParameterStore.requirePrecision(precision);
        int d = spec.inputDimension();
        int p = spec.outputDimension();
        int expected = 2 + 2 * (spec.hiddenSizes().length + 1);
        if (values == null || values.size() != expected) {
            throw new IllegalArgumentException("The decoder " + spec + " has " + expected + " parameter arrays (W0, b0,"
                    + " then W1, b1, ... of the MLP), got " + (values == null ? 0 : values.size()) + ".");
        }
        double[] inverse = spec.inputScales();
        for (int k = 0; k < d; k++) {
            inverse[k] = 1 / inverse[k];
        }
        this.spec = spec;
        this.linear = new ParameterStore(values.subList(0, 2), new Shape[] {new Shape(p, d), new Shape(p)},
                precision, spec.toString());
        ParameterStore constants = null;
        try {
            constants = new ParameterStore(List.of(inverse, spec.outputScales()), new Shape[] {new Shape(d),
                new Shape(p)}, precision, spec.toString());
            this.linearMap = new DenseMap(linear.get(0), linear.get(1));
            this.correction = MlpDecoder.of(spec.correction(), values.subList(2, values.size()), precision);
        } catch (RuntimeException e) {
            linear.close();
            if (constants != null) {
                constants.close();
            }
            throw e;
        }
        this.scales = constants;
    }

    /**
     * A decoder whose linear part is {@code directions} (d rows of P, e.g. principal components) around
     * {@code offset} (P values, e.g. the column means), and whose correction g is PyTorch's default initialisation
     * (seeded) with its last layer zero, so that D starts as the linear part alone.
     */
    public static LinearPlusMlpDecoder initialise(LinearPlusMlpSpec spec, double[][] directions, double[] offset,
            long seed, DataType precision) {
        int d = spec.inputDimension();
        int p = spec.outputDimension();
        if (directions == null || directions.length != d || offset == null || offset.length != p) {
            throw new IllegalArgumentException("The linear part needs " + d + " directions of " + p + " values and an"
                    + " offset of " + p + " values.");
        }
        double[] weight = new double[p * d];
        for (int k = 0; k < d; k++) {
            if (directions[k].length != p) {
                throw new IllegalArgumentException("Direction " + k + " has " + directions[k].length + " values, the"
                        + " decoder has " + p + " outputs.");
            }
            for (int q = 0; q < p; q++) {
                weight[q * d + k] = directions[k][q];
            }
        }
        List<double[]> values = new ArrayList<>();
        values.add(weight);
        values.add(offset.clone());
        try (MlpDecoder g = MlpDecoder.initialise(spec.correction(), seed, DataType.FLOAT64)) {
            List<double[]> mlp = g.parameterValues();
            int last = mlp.size() - 2;
            mlp.set(last, new double[mlp.get(last).length]);
            mlp.set(last + 1, new double[mlp.get(last + 1).length]);
            values.addAll(mlp);
        }
        return new LinearPlusMlpDecoder(spec, values, precision);
    }

    /** A decoder with the given values: W0, b0, then g's W1, b1, ... (row-major, as {@link #parameterValues()}). */
    public static LinearPlusMlpDecoder of(LinearPlusMlpSpec spec, List<double[]> values, DataType precision) {
        return new LinearPlusMlpDecoder(spec, values, precision);
    }

    public LinearPlusMlpSpec spec() {
        return spec;
    }

    @Override
    public DecoderKind kind() {
        return DecoderKind.LINEAR_PLUS_MLP;
    }

    @Override
    public String description() {
        return spec.toString();
    }

    @Override
    public Activation activation() {
        return spec.activation();
    }

    @Override
    public int parameterCount() {
        return spec.parameterCount();
    }

    @Override
    public int inputDimension() {
        return spec.inputDimension();
    }

    @Override
    public int outputDimension() {
        return spec.outputDimension();
    }

    @Override
    public DataType precision() {
        return linear.precision();
    }

    /** W0, b0, then g's W1, b1, ... (all of them, trained or not). */
    @Override
    public List<double[]> parameterValues() {
        List<double[]> values = new ArrayList<>(linear.values());
        values.addAll(correction.parameterValues());
        return values;
    }

    /** The trained parameters: W0 and b0 only if the linear part is trained, then g's. */
    @Override
    public NDList parameters() {
        NDList trained = new NDList();
        if (spec.linearPartTrained()) {
            trained.add(linear.get(0));
            trained.add(linear.get(1));
        }
        trained.addAll(correction.parameters());
        return trained;
    }

    @Override
    public NDArray forward(NDArray input) {
        NDArray z = inPrecision(input);
        return linearMap.apply(z).addi(outputScaled(correction.forward(scaled(z))));
    }

    @Override
    public DecoderEvaluation pass(NDArray input) {
        NDArray z = inPrecision(input);
        return new Pass(linearMap.apply(z), z, correction.pass(scaled(z)));
    }

    @Override
    public LinearPlusMlpDecoder copy() {
        return new LinearPlusMlpDecoder(spec, parameterValues(), precision());
    }

    /**
     * Each row's least-squares code of the linear part alone: the z minimising {@code ||y - W0 z - b0||^2} over the
     * row's present cells (NaN = missing). For orthonormal W0 from principal components and a complete row this is
     * the row's PCA score. A tiny ridge keeps rows with fewer present cells than d (or a degenerate W0) solvable.
     */
    public double[][] linearCodes(double[][] rows) {
        int d = spec.inputDimension();
        int p = spec.outputDimension();
        List<double[]> values = linear.values();
        double[] w = values.get(0);
        double[] b = values.get(1);
        DecompositionSolver complete = null;
        double[][] codes = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            double[] row = rows[m];
            if (row.length != p) {
                throw new IllegalArgumentException("Row " + m + " has " + row.length + " values but the decoder has "
                        + p + " outputs.");
            }
            boolean hasGaps = false;
            double[] right = new double[d];
            for (int q = 0; q < p; q++) {
                if (Double.isNaN(row[q])) {
                    hasGaps = true;
                    continue;
                }
                double residual = row[q] - b[q];
                for (int k = 0; k < d; k++) {
                    right[k] += w[q * d + k] * residual;
                }
            }
            DecompositionSolver solver;
            if (hasGaps) {
                solver = normalEquations(w, row, d, p);
            } else {
                if (complete == null) {
                    complete = normalEquations(w, null, d, p);
                }
                solver = complete;
            }
            codes[m] = solver.solve(MatrixUtils.createRealVector(right)).toArray();
        }
        return codes;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        spec.write(out);
        linear.write(out);
        correction.write(out);
    }

    /**
     * Reads a decoder written by {@link #write(DataOutput)}, in the requested precision.
     *
     * @throws IOException if the stream ends early or is corrupt
     */
    public static LinearPlusMlpDecoder read(DataInput in, DataType precision) throws IOException {
        ParameterStore.requirePrecision(precision);
        LinearPlusMlpSpec spec = LinearPlusMlpSpec.read(in);
        int d = spec.inputDimension();
        int p = spec.outputDimension();
        List<double[]> values = new ArrayList<>(ParameterStore.read(in, new Shape[] {new Shape(p, d), new Shape(p)}));
        try (MlpDecoder g = MlpDecoder.read(in, DataType.FLOAT64)) {
            if (!g.spec().equals(spec.correction())) {
                throw new IOException("The stored MLP correction " + g.spec() + " does not match its decoder " + spec
                        + ": the data is corrupt.");
            }
            values.addAll(g.parameterValues());
        }
        return new LinearPlusMlpDecoder(spec, values, precision);
    }

    @Override
    public void close() {
        try {
            correction.close();
        } finally {
            linear.close();
            scales.close();
        }
    }

    /** z / s, the correction's input (also how its input gradient becomes one in z). */
    private NDArray scaled(NDArray z) {
        return z.mul(scales.get(0));
    }

    /** sigma * x, from the correction's outputs to the decoder's (also how an output gradient reaches g). */
    private NDArray outputScaled(NDArray x) {
        return x.mul(scales.get(1));
    }

    private NDArray inPrecision(NDArray input) {
        Shape shape = input.getShape();
        if (shape.dimension() != 2 || shape.get(1) != spec.inputDimension()) {
            throw new IllegalArgumentException("The decoder " + spec + " expects inputs of shape [rows, "
                    + spec.inputDimension() + "], got " + shape + ".");
        }
        return input.getDataType() == precision() ? input : input.toType(precision(), false);
    }

    /** Cholesky of W0_present^T W0_present with a tiny ridge (relative to its trace). */
    private static DecompositionSolver normalEquations(double[] w, double[] rowOrNull, int d, int p) {
        double[][] gram = new double[d][d];
        for (int q = 0; q < p; q++) {
            if (rowOrNull != null && Double.isNaN(rowOrNull[q])) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double wi = w[q * d + i];
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += wi * w[q * d + j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += gram[i][i];
        }
        double ridge = 1e-10 * Math.max(trace / d, 1e-300);
        for (int i = 0; i < d; i++) {
            gram[i][i] += ridge;
            for (int j = 0; j < i; j++) {
                gram[j][i] = gram[i][j];
            }
        }
        RealMatrix matrix = MatrixUtils.createRealMatrix(gram);
        return new CholeskyDecomposition(matrix, 1e-12, 0).getSolver();
    }

    /** One forward: the linear part's output and g's evaluation at z / s. */
    private final class Pass implements DecoderEvaluation {
        private final NDArray output;
        private final NDArray z;
        private final DecoderEvaluation g;

        Pass(NDArray linearOutput, NDArray z, DecoderEvaluation g) {
            this.output = linearOutput.addi(outputScaled(g.output()));
            this.z = z;
            this.g = g;
        }

        @Override
        public NDArray output() {
            return output;
        }

        @Override
        public NDArray inputGradient(NDArray outputGradient) {
            return linearMap.applyTransposed(outputGradient).addi(scaled(g.inputGradient(
                    outputScaled(outputGradient))));
        }

        @Override
        public NDList parameterGradients(NDArray outputGradient) {
            return trained(outputGradient, g.parameterGradients(outputScaled(outputGradient)));
        }

        @Override
        public MlpDecoder.Backward backward(NDArray outputGradient) {
            MlpDecoder.Backward inner = g.backward(outputScaled(outputGradient));
            NDArray input = linearMap.applyTransposed(outputGradient).addi(scaled(inner.inputGradient()));
            return new MlpDecoder.Backward(input, trained(outputGradient, inner.parameterGradients()));
        }

        @Override
        public NDArray lossHessianProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction) {
            throw secondOrderUnsupported();
        }

        @Override
        public NDList lossMixedProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction) {
            throw secondOrderUnsupported();
        }

        private NDList trained(NDArray outputGradient, NDList correctionGradients) {
            NDList all = new NDList();
            if (spec.linearPartTrained()) {
                all.add(linearMap.weightGradient(outputGradient, z));
                all.add(linearMap.biasGradient(outputGradient));
            }
            all.addAll(correctionGradients);
            return all;
        }

        private UnsupportedOperationException secondOrderUnsupported() {
            return new UnsupportedOperationException("The linear + MLP decoder has no exact second-order products:"
                    + " train it with the approximate adjoint (the full adjoint needs an MLP decoder).");
        }
    }
}
