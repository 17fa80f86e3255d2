package org.gfe.knime.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Random;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.objective.ParameterisedObjective;

/** Test decoder: D(z) = W z + b with MSE, RMSprop (torch semantics) written out in Java. */
final class LinearTrainableDecoder implements TrainableDecoder {

    private final double[][] weights;
    private final double[] bias;
    private final double[][] squareW;
    private final double[] squareB;
    private final double learningRate;
    int updates;

    LinearTrainableDecoder(int columns, int latent, long seed, double learningRate) {
        Random random = new Random(seed);
        weights = new double[columns][latent];
        bias = new double[columns];
        for (double[] row : weights) {
            for (int i = 0; i < latent; i++) {
                row[i] = (2 * random.nextDouble() - 1) / Math.sqrt(latent);
            }
        }
        squareW = new double[columns][latent];
        squareB = new double[columns];
        this.learningRate = learningRate;
    }

    @Override
    public int latentDimension() {
        return weights[0].length;
    }

    @Override
    public int columnCount() {
        return bias.length;
    }

    @Override
    public DataType precision() {
        return DataType.FLOAT64;
    }

    @Override
    public synchronized ParameterisedObjective objective(NDManager manager, double[][] rows) {
        double[][] w = new double[weights.length][];
        for (int p = 0; p < w.length; p++) {
            w[p] = weights[p].clone();
        }
        return new LinearParameterisedObjective(new LinearDecoderObjective(w, bias.clone(), rows));
    }

    @Override
    public synchronized void update(NDList gradient) {
        double[] gw = gradient.get(0).toDoubleArray();
        double[] gb = gradient.get(1).toDoubleArray();
        int latent = latentDimension();
        for (int p = 0; p < weights.length; p++) {
            for (int i = 0; i < latent; i++) {
                double g = gw[p * latent + i];
                squareW[p][i] = 0.9 * squareW[p][i] + 0.1 * g * g;
                weights[p][i] -= learningRate * g / (Math.sqrt(squareW[p][i]) + 1e-6);
            }
            squareB[p] = 0.9 * squareB[p] + 0.1 * gb[p] * gb[p];
            bias[p] -= learningRate * gb[p] / (Math.sqrt(squareB[p]) + 1e-6);
        }
        updates++;
    }

    /** W row-major, then b. */
    @Override
    public synchronized List<double[]> snapshot() {
        double[] w = new double[weights.length * latentDimension()];
        for (int p = 0; p < weights.length; p++) {
            System.arraycopy(weights[p], 0, w, p * latentDimension(), latentDimension());
        }
        return List.of(w, bias.clone());
    }

    @Override
    public synchronized void restore(List<double[]> values) {
        for (int p = 0; p < weights.length; p++) {
            System.arraycopy(values.get(0), p * latentDimension(), weights[p], 0, latentDimension());
        }
        System.arraycopy(values.get(1), 0, bias, 0, bias.length);
    }
}
