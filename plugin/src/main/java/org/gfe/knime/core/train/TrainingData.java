package org.gfe.knime.core.train;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.loss.LossKind;

/**
 * Training rows checked and made ready for a trainer: every row as wide as the column list, no infinite value, no
 * row or column without a present value; the normalisation fitted; the loss resolved (AUTO: BCE if every present
 * normalised value lies in [0, 1], else MSE). Errors name the row index and column name, and say how to fix them.
 *
 * @param columnNames the columns, in order
 * @param normalisation fitted on the rows
 * @param normalisedRows the rows normalised, NaN = missing
 * @param loss the resolved loss, never AUTO
 */
public record TrainingData(List<String> columnNames, Normalisation normalisation, double[][] normalisedRows,
        LossKind loss) {

    /**
     * Checks and prepares the rows (original units, NaN = missing).
     *
     * @throws IllegalArgumentException naming the row or column at fault
     */
    public static TrainingData prepare(double[][] rows, List<String> columnNames, NormalisationKind normalisation,
            LossKind loss) {
        Objects.requireNonNull(rows, "rows");
        List<String> names = List.copyOf(columnNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Training needs at least one column: include numeric columns.");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Column '" + name + "' is given twice: give each column once.");
            }
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("Training needs at least one row; the table is empty.");
        }
        int columns = names.size();
        int[] presentPerColumn = new int[columns];
        for (int m = 0; m < rows.length; m++) {
            if (rows[m].length != columns) {
                throw new IllegalArgumentException("Row " + m + " has " + rows[m].length + " values but there are "
                        + columns + " columns: give every row one value (or NaN) per column.");
            }
            int present = 0;
            for (int p = 0; p < columns; p++) {
                double value = rows[m][p];
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Row " + m + ", column '" + names.get(p) + "' is infinite ("
                            + value + "): replace it by a finite value or mark it missing.");
                }
                if (!Double.isNaN(value)) {
                    present++;
                    presentPerColumn[p]++;
                }
            }
            if (present == 0) {
                throw new IllegalArgumentException("Row " + m + " has no value in any column (all missing): remove"
                        + " the row or fill it in.");
            }
        }
        for (int p = 0; p < columns; p++) {
            if (presentPerColumn[p] == 0) {
                throw new IllegalArgumentException("Column '" + names.get(p) + "' has no value in any training row"
                        + " (all missing): exclude the column or fill it in.");
            }
        }
        Normalisation fitted = Normalisation.fit(normalisation, rows);
        double[][] normalised = fitted.apply(rows);
        return new TrainingData(names, fitted, normalised, resolveLoss(loss, normalised, names));
    }

    /**
     * The loss to train with: AUTO becomes BCE if every present value lies in [0, 1], else MSE; a BCE loss on values
     * outside [0, 1] is refused (the loss would be unbounded below).
     */
    static LossKind resolveLoss(LossKind requested, double[][] normalisedRows, List<String> columnNames) {
        int[] outside = firstOutsideUnitInterval(normalisedRows);
        if (requested == LossKind.AUTO) {
            return outside == null ? LossKind.BCE : LossKind.MSE;
        }
        if (requested != LossKind.MSE && outside != null) {
            throw new IllegalArgumentException("The " + requested + " loss needs every value in [0, 1] after"
                    + " normalisation, but row " + outside[0] + ", column '" + columnNames.get(outside[1]) + "' is "
                    + normalisedRows[outside[0]][outside[1]] + ". Choose MIN_MAX normalisation, or the MSE loss.");
        }
        return requested;
    }

    /** Row and column of the first present value outside [0, 1], or null. */
    private static int[] firstOutsideUnitInterval(double[][] rows) {
        for (int m = 0; m < rows.length; m++) {
            for (int p = 0; p < rows[m].length; p++) {
                double value = rows[m][p];
                if (value < 0 || value > 1) { // false for NaN
                    return new int[] {m, p};
                }
            }
        }
        return null;
    }
}
