package org.gfe.knime.core.train;

/** Which part of a training run a record belongs to. */
public enum TrainingStage {
    /** The one stage of a plain run. */
    TRAINING("training"),
    /** Training on the training rows less the validation rows, to choose the number of epochs. */
    SELECTION("choosing the epochs on validation rows"),
    /** Training again on all training rows for the chosen number of epochs. */
    FINAL_FIT("final fit on all rows");

    private final String text;

    TrainingStage(String text) {
        this.text = text;
    }

    /** For people, e.g. "final fit on all rows". */
    public String text() {
        return text;
    }
}
