package org.gfe.knime.node.table;

/** What the Learner does with a row that has missing cells in the training columns. */
public enum MissingCellPolicy {
    /** Keep the row; its missing cells are left out of the loss (masked). */
    MASK,
    /** Leave the row out of training (counted in a warning). */
    SKIP_ROW,
    /** Stop with an error naming the first missing cell's row and column. */
    FAIL
}
