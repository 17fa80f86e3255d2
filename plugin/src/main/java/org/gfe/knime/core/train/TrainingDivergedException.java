package org.gfe.knime.core.train;

/** The loss or the gradient became NaN or infinite; training stops rather than return a broken model. */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
