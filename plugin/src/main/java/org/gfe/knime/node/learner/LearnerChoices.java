package org.gfe.knime.node.learner;

import org.gfe.knime.node.settings.ChoiceLabels;

/**
 * The Learner's own choices (besides the core's, in {@link org.gfe.knime.node.settings.GfeChoices}): how the history
 * table is laid out and which solver trains without a Solver Settings input. Both were fixed before settings version
 * 3; settings of versions 1 and 2 load with the earlier behaviour, so old workflows keep their outputs.
 */
final class LearnerChoices {

    /** The rows of the training history table. */
    enum HistoryRows {
        /** One row per epoch: stage, epoch, rows seen, losses, kept flag, seconds (settings version 3). */
        PER_EPOCH,
        /** One row per batch: epoch, batch, rows seen, losses, seconds (settings versions 1 and 2). */
        PER_BATCH
    }

    /** The solver that trains (and becomes the model's default) when no Solver Settings node is connected. */
    enum SolverWithoutPort {
        /** Sized to the table (per-row AMD, rate P / 2, tau 50, start at the linear code where the decoder has one). */
        SIZED_TO_DATA,
        /** The paper's MNIST solver ({@code SolverSettings.defaults()}): tau 10,000, seeded random start. */
        PAPER_DEFAULTS
    }

    static final ChoiceLabels<HistoryRows> HISTORY_ROWS = ChoiceLabels.of(HistoryRows.class)
            .add(HistoryRows.PER_EPOCH, "One row per epoch (stage, losses, kept epoch)",
                    "Each epoch of each stage with its training and validation loss; the epoch whose decoder the"
                            + " model holds is marked (default).")
            .add(HistoryRows.PER_BATCH, "One row per batch (as before settings version 3)",
                    "Each training batch with its loss, the table of earlier versions of the node.")
            .build();

    static final ChoiceLabels<SolverWithoutPort> SOLVER_WITHOUT_PORT = ChoiceLabels.of(SolverWithoutPort.class)
            .add(SolverWithoutPort.SIZED_TO_DATA, "Sized to the data",
                    "Per-row adaptive steps at the rate P / 2 for P columns, tau = 50, each row starting at its"
                            + " linear least-squares code (PCA score) when the decoder has a linear part (default).")
            .add(SolverWithoutPort.PAPER_DEFAULTS, "The paper's settings (as before settings version 3)",
                    "The paper's MNIST solver: per-row adaptive steps, tau = 10,000, seeded random start.")
            .build();

    private LearnerChoices() {
    }
}
