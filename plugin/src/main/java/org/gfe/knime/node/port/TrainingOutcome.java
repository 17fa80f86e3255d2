package org.gfe.knime.node.port;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.train.TrainingRecord;

/**
 * How a model's training ended, kept with the model for its summary and view. The losses are those of the kept
 * model: the epoch whose decoder the model holds.
 *
 * @param trainingLoss mean training loss over the batches of the kept epoch (NaN if none ran, e.g. PCA kept)
 * @param validationLoss the validation loss of the kept epoch (for a linear + MLP decoder: the mean over the
 *        validation rows that chose the epochs, at the kept number of epochs), NaN if none was measured
 * @param epochs epochs run by the training that made the model (the final fit, for a linear + MLP decoder)
 * @param trainingRows rows the model was trained on
 * @param seconds wall time of the training
 * @param keptEpoch the epoch whose decoder the model holds (0 = as initialised, e.g. PCA)
 * @param stopReason why training ended, in a few words (e.g. "early stopping"); empty if not recorded
 */
public record TrainingOutcome(double trainingLoss, double validationLoss, int epochs, int trainingRows,
        double seconds, int keptEpoch, String stopReason) {

    private static final int FORMAT_VERSION = 2;

    public TrainingOutcome {
        stopReason = stopReason == null ? "" : stopReason;
    }

    /** An outcome whose last epoch is kept, with no stop reason recorded (format 1). */
    public TrainingOutcome(double trainingLoss, double validationLoss, int epochs, int trainingRows, double seconds) {
        this(trainingLoss, validationLoss, epochs, trainingRows, seconds, epochs, "");
    }

    /** The outcome of a finished training history whose last epoch is kept. */
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
        out.writeInt(keptEpoch);
        out.writeUTF(stopReason);
    }

    static TrainingOutcome read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("The stored training outcome has format " + version + "; this version of GFE reads"
                    + " formats 1 to " + FORMAT_VERSION + ". Update the GFE extension.");
        }
        double training = in.readDouble();
        double validation = in.readDouble();
        int epochs = in.readInt();
        int rows = in.readInt();
        double seconds = in.readDouble();
        if (version == 1) {
            return new TrainingOutcome(training, validation, epochs, rows, seconds);
        }
        return new TrainingOutcome(training, validation, epochs, rows, seconds, in.readInt(), in.readUTF());
    }

    /** One line for people. */
    public String describe() {
        String losses = Double.isNaN(trainingLoss) && Double.isNaN(validationLoss) ? ""
                : "; " + (Double.isNaN(trainingLoss) ? "" : String.format(Locale.ROOT, "training loss %.6g",
                        trainingLoss)) + (Double.isNaN(trainingLoss) || Double.isNaN(validationLoss) ? "" : ", ")
                        + (Double.isNaN(validationLoss) ? "" : String.format(Locale.ROOT, "validation loss %.6g",
                                validationLoss));
        String kept = keptEpoch == epochs ? "" : keptEpoch == 0 ? "; kept: the decoder as initialised (epoch 0)"
                : "; kept: epoch " + keptEpoch;
        return String.format(Locale.ROOT, "trained %d epoch(s) on %d rows in %.1f s%s%s%s", epochs, trainingRows,
                seconds, kept, losses, stopReason.isEmpty() ? "" : " (" + stopReason + ")");
    }
}
