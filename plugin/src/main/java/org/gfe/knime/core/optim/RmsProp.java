package org.gfe.knime.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.gfe.knime.core.engine.DjlRuntime;

/**
 * RMSprop in torch's semantics (torch.optim.RMSprop, no momentum, not centred):
 * {@code s = alpha s + (1 - alpha) g^2; theta -= lr g / (sqrt(s) + eps)}, s starting at 0, updating the parameter
 * arrays in place. The running averages live in the optimiser's own manager; temporaries of a step are freed when
 * the step ends. One optimiser per set of parameters, used by one thread.
 */
public final class RmsProp implements AutoCloseable {

    private final double learningRate;
    private final double alpha;
    private final double epsilon;
    private final NDManager manager;
    private NDArray[] squareAverages;

    public RmsProp(double learningRate, double alpha, double epsilon) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("RMSprop's learning rate must be a positive finite number, was "
                    + learningRate + ".");
        }
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("RMSprop's alpha must lie in [0, 1), was " + alpha + ".");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("RMSprop's epsilon must be a positive finite number, was " + epsilon
                    + ".");
        }
        this.learningRate = learningRate;
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.manager = DjlRuntime.newManager();
    }

    public double learningRate() {
        return learningRate;
    }

    public double alpha() {
        return alpha;
    }

    public double epsilon() {
        return epsilon;
    }

    /**
     * One step: every parameter array is updated in place with its gradient (same order, shapes and types).
     *
     * @throws IllegalArgumentException if the gradients do not match the parameters, or the parameters differ from
     *         those of earlier steps in number or shape
     */
    public void step(NDList parameters, NDList gradients) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException("RMSprop got " + gradients.size() + " gradients for "
                    + parameters.size() + " parameter arrays; give one gradient per parameter, in order.");
        }
        if (squareAverages == null) {
            squareAverages = new NDArray[parameters.size()];
            for (int i = 0; i < squareAverages.length; i++) {
                squareAverages[i] = manager.zeros(parameters.get(i).getShape(), parameters.get(i).getDataType());
            }
        } else if (squareAverages.length != parameters.size()) {
            throw new IllegalArgumentException("RMSprop was stepping " + squareAverages.length
                    + " parameter arrays and now got " + parameters.size() + "; use one optimiser per decoder.");
        }
        for (int i = 0; i < squareAverages.length; i++) {
            NDArray parameter = parameters.get(i);
            NDArray gradient = gradients.get(i);
            NDArray average = squareAverages[i];
            if (!gradient.getShape().equals(parameter.getShape()) || !average.getShape().equals(parameter.getShape())) {
                throw new IllegalArgumentException("RMSprop: parameter " + i + " has shape " + parameter.getShape()
                        + ", its gradient " + gradient.getShape() + " and its running average "
                        + average.getShape() + "; they must agree.");
            }
            update(parameter, gradient, average);
        }
    }

    private void update(NDArray parameter, NDArray gradient, NDArray average) {
        // Temporaries are made by ops on arrays attached (for the step only) to a scratch manager, so they never
        // pile up in the long-lived managers of the parameters or the averages.
        try (NDManager scratch = manager.newSubManager()) {
            parameter.tempAttach(scratch);
            gradient.tempAttach(scratch);
            average.tempAttach(scratch);
            NDArray g = gradient.getDataType() == parameter.getDataType() ? gradient
                    : gradient.toType(parameter.getDataType(), false);
            average.muli(alpha).addi(g.mul(1 - alpha).muli(g));
            parameter.subi(g.mul(learningRate).divi(average.sqrt().addi(epsilon)));
        }
    }

    /** Frees the running averages. */
    @Override
    public void close() {
        manager.close();
    }
}
