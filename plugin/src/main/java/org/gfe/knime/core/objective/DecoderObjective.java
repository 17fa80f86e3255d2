package org.gfe.knime.core.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.decoder.DecoderEvaluation;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.flow.LossAndGradient;
import org.gfe.knime.core.loss.BoundLoss;
import org.gfe.knime.core.loss.LossEvaluation;
import org.gfe.knime.core.loss.ReconstructionLoss;

/**
 * The GFE objective of a batch: {@code L(z) = sum_m l(y_m, D(z_m))} for a decoder (MLP or convolutional), a reconstruction loss and target
 * rows (with an optional mask of present cells). {@link #lossAndGradient} costs exactly one decoder forward and one
 * backward to the input; the second-order products are exact (forward-over-reverse through the decoder).
 *
 * <p>Results are attached to the manager of the codes passed in; the targets stay in the manager they were made in,
 * which must outlive this objective. The decoder's parameters are read, never changed. Not thread-safe in the sense
 * of {@link org.gfe.knime.core.flow.LatentObjective}: give each thread its own objective (cheap: it shares the
 * decoder).
 */
public final class DecoderObjective implements ParameterisedObjective {

    private final Decoder decoder;
    private final ReconstructionLoss loss;
    private final NDArray targets;
    private final NDArray mask;
    /** The loss bound to the targets, made on the first evaluation (objectives used only otherwise never pay). */
    private BoundLoss bound;

    /**
     * @param targets {@code [rows, outputDimension]} in the decoder's precision (missing cells finite, e.g. 0)
     * @param mask same shape, 1 = present, 0 = missing; null when every cell is present
     */
    public DecoderObjective(Decoder decoder, ReconstructionLoss loss, NDArray targets, NDArray mask) {
        if (decoder == null || loss == null || targets == null) {
            throw new IllegalArgumentException("A decoder objective needs a decoder, a loss and targets.");
        }
        Shape shape = targets.getShape();
        int outputs = decoder.outputDimension();
        if (shape.dimension() != 2 || shape.get(1) != outputs) {
            throw new IllegalArgumentException("The targets have shape " + shape + " but the decoder has " + outputs
                    + " outputs: give targets of shape [rows, " + outputs + "].");
        }
        if (mask != null && !mask.getShape().equals(shape)) {
            throw new IllegalArgumentException("The mask has shape " + mask.getShape() + " but the targets have "
                    + shape + "; give one mask value per cell.");
        }
        this.decoder = decoder;
        this.loss = loss;
        this.targets = inPrecision(targets);
        this.mask = mask == null ? null : inPrecision(mask);
    }

    /** The objective of rows (normalised, NaN = missing), its targets in {@code manager}. */
    public static DecoderObjective of(Decoder decoder, ReconstructionLoss loss, NDManager manager,
            double[][] rows) {
        TargetBatch batch = TargetBatch.of(manager, rows, decoder.outputDimension(), decoder.precision());
        return new DecoderObjective(decoder, loss, batch.targets(), batch.mask());
    }

    public Decoder decoder() {
        return decoder;
    }

    public ReconstructionLoss loss() {
        return loss;
    }

    @Override
    public int rowCount() {
        return (int) targets.getShape().get(0);
    }

    @Override
    public int latentDimension() {
        return decoder.inputDimension();
    }

    @Override
    public NDArray rowLosses(NDArray z) {
        return loss.rowLosses(decoder.forward(z), targets, mask);
    }

    @Override
    public LossAndGradient lossAndGradient(NDArray z) {
        DecoderEvaluation pass = decoder.pass(z);
        if (bound == null) {
            bound = loss.bind(targets, mask);
        }
        LossEvaluation evaluation = bound.evaluate(pass.output());
        return new LossAndGradient(evaluation.rowLosses(), pass.inputGradient(evaluation.outputGradient()));
    }

    @Override
    public NDArray hessianVectorProduct(NDArray z, NDArray v) {
        DecoderEvaluation pass = decoder.pass(z);
        NDArray output = pass.output();
        return pass.lossHessianProduct(loss.outputGradient(output, targets, mask),
                loss.outputCurvature(output, targets, mask), v);
    }

    @Override
    public NDList parameterGradient(NDArray z) {
        DecoderEvaluation pass = decoder.pass(z);
        return pass.parameterGradients(loss.outputGradient(pass.output(), targets, mask));
    }

    @Override
    public NDList mixedParameterProduct(NDArray z, NDArray lambda) {
        DecoderEvaluation pass = decoder.pass(z);
        NDArray output = pass.output();
        return pass.lossMixedProduct(loss.outputGradient(output, targets, mask),
                loss.outputCurvature(output, targets, mask), lambda);
    }

    @Override
    public DecoderObjective restrictTo(int[] rows) {
        try (NDArray picked = targets.getManager().create(rows)) {
            NDIndex index = new NDIndex("{}", picked);
            return new DecoderObjective(decoder, loss, targets.get(index), mask == null ? null : mask.get(index));
        }
    }

    private NDArray inPrecision(NDArray array) {
        return array.getDataType() == decoder.precision() ? array : array.toType(decoder.precision(), false);
    }
}
