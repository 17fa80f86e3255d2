package org.gfe.knime.node.port;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.train.TrainingRecord;

/**
 * How a model's training ended, kept with the model for its summary and view.
 *
 * @param trainingLoss mean training loss over the batches of the last epoch
 * @param validationLoss the last measured validation loss, NaN if none was measured
 * @param epochs epochs run
 * @param trainingRows rows the model was trained on
 * @param seconds wall time of the training
 */
public record TrainingOutcome(double trainingLoss, double validationLoss, int epochs, int trainingRows,
        double seconds) {

    private static final int FORMAT_VERSION = 1;

    /** The outcome of a finished training history. */
    public static TrainingOutcome of(List<TrainingRecord> history, int trainingRows) {
        if (history.isEmpty()) {
            return new TrainingOutcome(Double.NaN, Double.NaN, 0, trainingRows, 0);
        }
        TrainingRecord last = history.get(history.size() - 1);
        double sum = 0;
        int count = 0;
        double validation = Double.NaN;
        for (TrainingRecord record : history) {
            if (record.epoch() == last.epoch()) {
                sum += record.trainingLoss();
                count++;
            }
            if (!Double.isNaN(record.validationLoss())) {
                validation = record.validationLoss();
            }
        }
        return new TrainingOutcome(sum / count, validation, last.epoch() + 1, trainingRows, last.elapsedSeconds());
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeDouble(trainingLoss);
        out.writeDouble(validationLoss);
        out.writeInt(epochs);
        out.writeInt(trainingRows);
        out.writeDouble(seconds);
    }

    static TrainingOutcome read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("The stored training outcome has format " + version + "; this version of GFE reads"
                    + " format " + FORMAT_VERSION + ". Update the GFE extension.");
        }
        return new TrainingOutcome(in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), in.readDouble());
    }

    /** One line for people. */
    public String describe() {
        return String.format(Locale.ROOT, "trained %d epoch(s) on %d rows in %.1f s; final training loss %.6g%s",
                epochs, trainingRows, seconds, trainingLoss,
                Double.isNaN(validationLoss) ? "" : String.format(Locale.ROOT, ", validation loss %.6g",
                        validationLoss));
    }
}
