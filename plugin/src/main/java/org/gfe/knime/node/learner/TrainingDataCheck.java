package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.node.message.Warnings;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.table.NumericColumns;
import org.knime.core.node.InvalidSettingsException;

/**
 * What the Learner tells a user about the rows it is about to train on, before training: too few rows for the
 * latent dimension (one row above all), columns whose size makes training without normalisation hopeless or
 * unstable, masked cells, constant columns, more columns than rows. The figures come from one pass over the rows.
 */
final class TrainingDataCheck {

    /** Without normalisation, a column reaching this size is warned about: training is slow or unstable. */
    static final double LARGE = 1e3;
    /** Without normalisation, a column reaching this size is refused: the decoder cannot learn values this large. */
    static final double TOO_LARGE = 1e6;

    private final List<String> columns;
    private final int rows;
    private final int[] present;
    private final double[] min;
    private final double[] max;
    private final int maskedCells;
    private final int rowsWithMaskedCells;

    private TrainingDataCheck(List<String> columns, double[][] rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows.length;
        int p = columns.size();
        present = new int[p];
        min = new double[p];
        max = new double[p];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        int masked = 0;
        int maskedRows = 0;
        for (double[] row : rows) {
            int maskedHere = 0;
            for (int c = 0; c < p; c++) {
                double value = row[c];
                if (Double.isNaN(value)) {
                    maskedHere++;
                } else {
                    present[c]++;
                    min[c] = Math.min(min[c], value);
                    max[c] = Math.max(max[c], value);
                }
            }
            masked += maskedHere;
            maskedRows += maskedHere > 0 ? 1 : 0;
        }
        maskedCells = masked;
        rowsWithMaskedCells = maskedRows;
    }

    /** The figures of the rows (original units, NaN = missing cell) in the named columns. */
    static TrainingDataCheck of(double[][] rows, List<String> columns) {
        return new TrainingDataCheck(columns, rows);
    }

    int maskedCells() {
        return maskedCells;
    }

    /** Columns whose present values are all equal. */
    List<String> constantColumns() {
        List<String> constant = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (present[c] > 1 && min[c] == max[c]) {
                constant.add(columns.get(c));
            }
        }
        return constant;
    }

    /** The largest absolute value of each column, in column order. */
    private double size(int c) {
        return present[c] == 0 ? 0 : Math.max(Math.abs(min[c]), Math.abs(max[c]));
    }

    /**
     * Refuses what training cannot do: columns of a million or more without normalisation (the issue behind a loss
     * of 1e28 and reconstructions of 1e13).
     */
    void refuseUnlearnable(TrainingConfig config) throws InvalidSettingsException {
        if (config.normalisation() != NormalisationKind.NONE) {
            return;
        }
        List<String> huge = columnsOfSize(TOO_LARGE);
        if (!huge.isEmpty()) {
            throw new InvalidSettingsException("Column(s) " + describe(huge) + " reach values of "
                    + number(largest(huge)) + " and the normalisation is '" + noneLabel() + "': the decoder starts"
                    + " near values of 1 and cannot learn values this large (the training loss would be about "
                    + number(largest(huge) * largest(huge)) + " and every reconstruction meaningless). Choose the"
                    + " normalisation '" + zScoreLabel() + "'.");
        }
    }

    /**
     * Adds the warnings about these rows.
     *
     * @param trainingRows rows trained on (the rows less the validation rows)
     */
    void addWarnings(Warnings warnings, TrainingConfig config, int trainingRows) {
        int d = config.latentDimension();
        if (trainingRows == 1) {
            warnings.add("Only 1 row is left to train on. A model learned from one row cannot generalise: the codes"
                    + " it finds for other rows, and their reconstructions, are meaningless. Train on many rows,"
                    + " several times the latent dimension (" + d + ").");
        } else if (trainingRows <= d) {
            warnings.add("Only " + trainingRows + " rows are left to train on for a latent dimension of " + d
                    + ": with no more rows than latent numbers, every row can get a code of its own and the model"
                    + " learns nothing that holds for new rows. Train on more rows (several times " + d + ") or"
                    + " lower the latent dimension.");
        }
        if (config.normalisation() == NormalisationKind.NONE) {
            List<String> large = columnsOfSize(LARGE);
            if (!large.isEmpty()) {
                warnings.add("Column(s) " + describe(large) + " reach values of " + number(largest(large))
                        + " and the normalisation is '" + noneLabel() + "': the decoder starts near values of 1,"
                        + " so training on values this large is slow or unstable. Choose the normalisation '"
                        + zScoreLabel() + "'.");
            }
        }
        if (maskedCells > 0) {
            long cells = (long) rows * columns.size();
            warnings.add(String.format(Locale.ROOT, "%,d missing cell(s) in %,d row(s) (%.1f %% of the training"
                    + " cells) were left out of the loss (masked).", maskedCells, rowsWithMaskedCells,
                    100.0 * maskedCells / cells));
        }
        List<String> constant = constantColumns();
        if (!constant.isEmpty()) {
            warnings.add(constant.size() + " column(s) are constant in the training rows: "
                    + NumericColumns.list(constant) + ". They tell the rows apart in no way; excluding them saves"
                    + " training time.");
        }
        if (columns.size() > trainingRows && trainingRows > 1) {
            warnings.add("The table has more columns (" + columns.size() + ") than training rows (" + trainingRows
                    + "). GFE, like PCA, can learn from such a table, but keep the latent dimension (" + d + ") well"
                    + " below the number of rows.");
        }
    }

    private List<String> columnsOfSize(double threshold) {
        List<String> found = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (size(c) >= threshold) {
                found.add(columns.get(c));
            }
        }
        return found;
    }

    private double largest(List<String> names) {
        double largest = 0;
        for (String name : names) {
            largest = Math.max(largest, size(columns.indexOf(name)));
        }
        return largest;
    }

    private static String describe(List<String> names) {
        return NumericColumns.list(names);
    }

    private static String number(double value) {
        return value >= 1e5 ? String.format(Locale.ROOT, "%.1e", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String noneLabel() {
        return GfeChoices.NORMALISATION.label(NormalisationKind.NONE);
    }

    private static String zScoreLabel() {
        return GfeChoices.NORMALISATION.label(NormalisationKind.Z_SCORE);
    }

    /**
     * What the loss 'Automatic' does with min-max normalisation, known before training: every value lies in [0, 1],
     * so it trains with binary cross-entropy. Null for other settings.
     */
    static String automaticLossWithMinMax(TrainingConfig config) {
        if (config.loss() != LossKind.AUTO || config.normalisation() != NormalisationKind.MIN_MAX) {
            return null;
        }
        return automaticLossNote(LossKind.BCE, NormalisationKind.MIN_MAX)
                + " For measurements the loss '" + GfeChoices.LOSS.label(LossKind.MSE) + "' usually reconstructs"
                + " better; choose it under Loss.";
    }

    /** Which loss 'Automatic' chose, and why (for the model summary). */
    static String automaticLossNote(LossKind chosen, NormalisationKind normalisation) {
        String automatic = "The loss '" + GfeChoices.LOSS.label(LossKind.AUTO) + "' chose '"
                + GfeChoices.LOSS.label(chosen) + "'";
        if (chosen == LossKind.MSE) {
            return automatic + " because some normalised values lie outside [0, 1].";
        }
        return automatic + (normalisation == NormalisationKind.MIN_MAX
                ? " because min-max normalisation puts every value in [0, 1]."
                : " because every normalised value lies in [0, 1].");
    }
}
