package org.gfe.knime.core.model;

import org.gfe.knime.core.data.Normalisation;

/**
 * How far a row's reconstruction is from the row: the mean, over the row's present cells, of the squared difference
 * between cell and reconstruction. NaN (missing) cells are left out; a row without a present cell has no error
 * (NaN).
 *
 * <ul>
 * <li>{@code original}: in the columns' original units (squared), so dominated by the columns with the largest
 * spread when the columns are in different units;</li>
 * <li>{@code normalised}: each difference first divided by the model's per-column scale, i.e. in the units the model
 * was trained in: z-scores with z-score normalisation (difference / the column's standard deviation on the training
 * rows, so every column counts alike), fractions of the training range with min-max, original units with none.</li>
 * </ul>
 *
 * <p>A row like the training rows is reconstructed closely; a large error marks a row the model has not seen the
 * like of (an outlier, a faulty measurement, drift), whatever the loss the model was trained with.
 *
 * @param original mean squared difference in original units
 * @param normalised mean squared difference in the model's normalised units
 */
public record RowError(double original, double normalised) {

    /**
     * The error of each row.
     *
     * @param rows the rows, original units, NaN = missing
     * @param reconstructions their reconstructions, original units ({@link GfeModel#reconstruct})
     * @param normalisation the model's normalisation (its scales)
     * @throws IllegalArgumentException if the arrays do not match
     */
    public static RowError[] of(double[][] rows, double[][] reconstructions, Normalisation normalisation) {
        if (rows.length != reconstructions.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + reconstructions.length
                    + " reconstructions.");
        }
        double[] scales = normalisation.scales();
        RowError[] errors = new RowError[rows.length];
        for (int m = 0; m < rows.length; m++) {
            if (rows[m].length != scales.length || reconstructions[m].length != scales.length) {
                throw new IllegalArgumentException("Row " + m + " has " + rows[m].length + " values and "
                        + reconstructions[m].length + " reconstructed values; the model has " + scales.length
                        + " columns.");
            }
            double original = 0;
            double normalised = 0;
            int present = 0;
            for (int p = 0; p < scales.length; p++) {
                if (!Double.isNaN(rows[m][p])) {
                    double difference = rows[m][p] - reconstructions[m][p];
                    original += difference * difference;
                    normalised += difference * difference / (scales[p] * scales[p]);
                    present++;
                }
            }
            errors[m] = present == 0 ? new RowError(Double.NaN, Double.NaN)
                    : new RowError(original / present, normalised / present);
        }
        return errors;
    }
}
