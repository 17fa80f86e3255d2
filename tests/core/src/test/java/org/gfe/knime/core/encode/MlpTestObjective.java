package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.LossAndGradient;

/**
 * Test stand-in for the MNIST decoder objective (the real one is the decoder package's): an ELU MLP with PyTorch's
 * default initialisation, the reference's naive BCE on logits (mean over features), explicit back-propagation to
 * the input. Counts forwards and input-backwards. No Hessian products (not needed for encoding benchmarks).
 */
public final class MlpTestObjective implements LatentObjective {

    private final NDArray[] weights;
    private final NDArray[] transposed;
    private final NDArray[] biases;
    private final NDArray targets;
    private final Counter counter;

    /** Shared counts of decoder calls (per row). */
    public static final class Counter {
        public long forwards;
        public long inputBackwards;
    }

    private MlpTestObjective(NDArray[] weights, NDArray[] transposed, NDArray[] biases, NDArray targets,
            Counter counter) {
        this.weights = weights;
        this.transposed = transposed;
        this.biases = biases;
        this.targets = targets;
        this.counter = counter;
    }

    /** Layers sizes[0] -> ... -> sizes[last], weights in {@code manager}, float32. */
    public static MlpTestObjective create(NDManager manager, int[] sizes, long seed, double[][] targetRows) {
        Random random = new Random(seed);
        int layers = sizes.length - 1;
        NDArray[] w = new NDArray[layers];
        NDArray[] wt = new NDArray[layers];
        NDArray[] b = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            float[] values = new float[sizes[l + 1] * sizes[l]];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
            float[] bias = new float[sizes[l + 1]];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
            w[l] = manager.create(values, new Shape(sizes[l + 1], sizes[l]));
            wt[l] = w[l].transpose().duplicate();
            b[l] = manager.create(bias);
        }
        return new MlpTestObjective(w, wt, b, rows(manager, targetRows), new Counter());
    }

    private static NDArray rows(NDManager manager, double[][] values) {
        float[] flat = new float[values.length * values[0].length];
        for (int m = 0; m < values.length; m++) {
            for (int p = 0; p < values[0].length; p++) {
                flat[m * values[0].length + p] = (float) values[m][p];
            }
        }
        return manager.create(flat, new Shape(values.length, values[0].length));
    }

    public Counter counter() {
        return counter;
    }

    /** Same decoder, other targets. */
    public MlpTestObjective withTargets(NDManager manager, double[][] targetRows) {
        return new MlpTestObjective(weights, transposed, biases, rows(manager, targetRows), counter);
    }

    @Override
    public int rowCount() {
        return (int) targets.getShape().get(0);
    }

    @Override
    public int latentDimension() {
        return (int) weights[0].getShape().get(1);
    }

    private NDArray[] forward(NDArray z) {
        int layers = weights.length;
        NDArray[] pre = new NDArray[layers];
        NDArray h = z;
        for (int l = 0; l < layers; l++) {
            pre[l] = h.matMul(transposed[l]).add(biases[l]);
            h = l < layers - 1 ? elu(pre[l]) : pre[l];
        }
        return pre;
    }

    private static NDArray elu(NDArray x) {
        return x.maximum(0).add(x.minimum(0).exp().sub(1));
    }

    private NDArray losses(NDArray logits, NDArray y) {
        NDArray s = logits.getNDArrayInternal().sigmoid();
        NDArray terms = y.mul(s.add(1e-8f).log()).add(y.neg().add(1).mul(s.neg().add(1 + 1e-8f).log())).neg();
        return terms.mean(new int[] {1});
    }

    private NDArray targetsFor(NDArray z) {
        return targets.toType(z.getDataType(), false);
    }

    @Override
    public NDArray rowLosses(NDArray z) {
        counter.forwards += rowCount();
        NDArray[] pre = forward(z);
        return losses(pre[pre.length - 1], targetsFor(z));
    }

    @Override
    public LossAndGradient lossAndGradient(NDArray z) {
        counter.forwards += rowCount();
        counter.inputBackwards += rowCount();
        NDArray[] pre = forward(z);
        NDArray logits = pre[pre.length - 1];
        NDArray y = targetsFor(z);
        NDArray s = logits.getNDArrayInternal().sigmoid();
        NDArray sPrime = s.mul(s.neg().add(1));
        // d/ds of -y log(s + 1e-8) - (1 - y) log(1 - s + 1e-8), times ds/du, over P
        NDArray upstream = y.div(s.add(1e-8f)).neg().add(y.neg().add(1).div(s.neg().add(1 + 1e-8f)))
                .mul(sPrime).div(logits.getShape().get(1));
        NDArray loss = y.mul(s.add(1e-8f).log()).add(y.neg().add(1).mul(s.neg().add(1 + 1e-8f).log())).neg()
                .mean(new int[] {1});
        NDArray delta = upstream;
        for (int l = weights.length - 1; l >= 0; l--) {
            NDArray back = delta.matMul(weights[l]);
            if (l > 0) {
                NDArray x = pre[l - 1];
                NDArray derivative = x.gt(0).toType(x.getDataType(), false)
                        .add(x.minimum(0).exp().mul(x.lte(0).toType(x.getDataType(), false)));
                delta = back.mul(derivative);
            } else {
                delta = back;
            }
        }
        return new LossAndGradient(loss, delta);
    }

    @Override
    public NDArray hessianVectorProduct(NDArray z, NDArray v) {
        throw new UnsupportedOperationException("test stand-in: no Hessian products");
    }

    @Override
    public MlpTestObjective restrictTo(int[] rows) {
        NDManager manager = targets.getManager();
        NDArray subset = targets.get(new ai.djl.ndarray.index.NDIndex("{}", manager.create(rows)));
        return new MlpTestObjective(weights, transposed, biases, subset, counter);
    }
}
