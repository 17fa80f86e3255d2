package org.gfe.knime.core.train;

/** Why a training run ended (without an error or a cancel). */
public enum StopReason {
    /** Every configured epoch ran. */
    EPOCHS_COMPLETED("all epochs ran"),
    /** The validation loss did not improve for the patience's number of epochs (early stopping). */
    NO_IMPROVEMENT("the validation loss stopped improving (early stopping)"),
    /** The user asked to stop and keep the model trained so far. */
    STOPPED_BY_USER("stopped by the user, model kept");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    /** For people, e.g. "the validation loss stopped improving (early stopping)". */
    public String text() {
        return text;
    }
}
