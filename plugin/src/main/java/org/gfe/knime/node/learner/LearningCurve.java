package org.gfe.knime.node.learner;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.train.TrainingRecord;

/**
 * What the Learner's view shows, as one immutable snapshot: the training and validation loss per epoch, how far
 * training got and why it ended, and the model summary. Made from the trainer's per-batch history
 * ({@link #of(Status, List, int, int, String, String)}), live while training runs and complete after; written to
 * and read from the node's internals, so an executed node shows it again after the workflow is saved and reloaded.
 *
 * @param status where training stands
 * @param plannedEpochs the epochs configured
 * @param batchesPerEpoch training batches per epoch (0 if unknown)
 * @param epochs one point per epoch that has at least one batch, in order
 * @param stopReason why training ended, for people (empty while running or before)
 * @param summary the model summary (empty before a model exists)
 */
public record LearningCurve(Status status, int plannedEpochs, int batchesPerEpoch, List<EpochPoint> epochs,
        String stopReason, String summary) {

    private static final int FORMAT_VERSION = 1;

    /** A curve with nothing to show: the node has not been executed. */
    public static final LearningCurve NOT_TRAINED = new LearningCurve(Status.NOT_TRAINED, 0, 0, List.of(), "", "");

    public LearningCurve {
        epochs = List.copyOf(epochs);
        stopReason = stopReason == null ? "" : stopReason;
        summary = summary == null ? "" : summary;
    }

    /** Where training stands. */
    public enum Status {
        /** Not executed (or reset). */
        NOT_TRAINED,
        /** Training runs; the curve grows as batches end. */
        TRAINING,
        /** Training ended on its own (all epochs, or a stopping rule; see the stop reason). */
        FINISHED,
        /** The user stopped training in the view and kept the model trained so far. */
        STOPPED_BY_USER
    }

    /**
     * One epoch's point.
     *
     * @param epoch 1-based epoch
     * @param trainingLoss mean training loss over the epoch's batches (as the flow variable gfe_training_loss)
     * @param validationLoss the last validation loss measured in the epoch, NaN if none was
     * @param batches batches run in the epoch
     * @param complete whether the epoch ran all its batches
     */
    public record EpochPoint(int epoch, double trainingLoss, double validationLoss, int batches, boolean complete) {
    }

    /** The curve of a training history (one record per batch). */
    public static LearningCurve of(Status status, List<TrainingRecord> history, int plannedEpochs,
            int batchesPerEpoch, String stopReason, String summary) {
        return new LearningCurve(status, plannedEpochs, batchesPerEpoch, perEpoch(history, batchesPerEpoch),
                stopReason, summary);
    }

    /** One point per epoch of the history. */
    static List<EpochPoint> perEpoch(List<TrainingRecord> history, int batchesPerEpoch) {
        List<EpochPoint> points = new ArrayList<>();
        int epoch = -1;
        double sum = 0;
        int batches = 0;
        double validation = Double.NaN;
        for (TrainingRecord record : history) {
            if (record.epoch() != epoch) {
                if (batches > 0) {
                    points.add(point(epoch, sum, batches, validation, batchesPerEpoch));
                }
                epoch = record.epoch();
                sum = 0;
                batches = 0;
                validation = Double.NaN;
            }
            sum += record.trainingLoss();
            batches++;
            if (!Double.isNaN(record.validationLoss())) {
                validation = record.validationLoss();
            }
        }
        if (batches > 0) {
            points.add(point(epoch, sum, batches, validation, batchesPerEpoch));
        }
        return points;
    }

    private static EpochPoint point(int epoch, double sum, int batches, double validation, int batchesPerEpoch) {
        return new EpochPoint(epoch + 1, sum / batches, validation, batches,
                batchesPerEpoch <= 0 || batches >= batchesPerEpoch);
    }

    /** Whether any epoch has a validation loss. */
    public boolean validated() {
        return epochs.stream().anyMatch(p -> !Double.isNaN(p.validationLoss()));
    }

    /** This curve at another status, with a stop reason and summary (e.g. when training has ended). */
    public LearningCurve ended(Status newStatus, String reason, String modelSummary) {
        return new LearningCurve(newStatus, plannedEpochs, batchesPerEpoch, epochs, reason, modelSummary);
    }

    /** One line on where training stands, for the top of the view. */
    public String statusText() {
        EpochPoint last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        switch (status) {
            case NOT_TRAINED:
                return "Not trained yet. Execute the node: the loss of each epoch appears here while it trains.";
            case TRAINING:
                if (last == null) {
                    return "Training: the first batch is being encoded.";
                }
                return String.format(Locale.ROOT, "Training: epoch %d of %d, batch %d%s; training loss %s%s.",
                        last.epoch(), plannedEpochs, last.batches(),
                        batchesPerEpoch > 0 ? " of " + batchesPerEpoch : "", number(last.trainingLoss()),
                        Double.isNaN(last.validationLoss()) ? "" : ", validation loss "
                                + number(last.validationLoss()));
            default:
                return stopReason.isEmpty() ? status == Status.FINISHED ? "Finished." : "Stopped by the user."
                        : stopReason;
        }
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** Writes the curve (versioned) for {@link #read(DataInput)}. */
    void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(status.name());
        out.writeInt(plannedEpochs);
        out.writeInt(batchesPerEpoch);
        out.writeInt(epochs.size());
        for (EpochPoint point : epochs) {
            out.writeInt(point.epoch());
            out.writeDouble(point.trainingLoss());
            out.writeDouble(point.validationLoss());
            out.writeInt(point.batches());
            out.writeBoolean(point.complete());
        }
        writeText(out, stopReason);
        writeText(out, summary);
    }

    /**
     * Reads a curve written by {@link #write(DataOutput)}.
     *
     * @throws IOException if the data is of a newer format or broken
     */
    static LearningCurve read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("The stored learning curve has format " + version + "; this version of GFE reads"
                    + " format " + FORMAT_VERSION + ".");
        }
        Status status;
        try {
            status = Status.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("The stored learning curve has an unknown status.", e);
        }
        int planned = in.readInt();
        int perEpoch = in.readInt();
        int count = in.readInt();
        List<EpochPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new EpochPoint(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
                    in.readBoolean()));
        }
        return new LearningCurve(status, planned, perEpoch, points, readText(in), readText(in));
    }

    private static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 24) {
            throw new IOException("The stored learning curve is broken (text of " + length + " bytes).");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
