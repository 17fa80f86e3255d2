package org.gfe.knime.core.train;

/** Training was stopped by its listener; no model is returned. */
public class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingCancelledException() {
        super("Training was cancelled.");
    }
}
