package org.gfe.knime.node.learner;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gfe.knime.core.train.EpochRecord;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.core.train.TrainingStage;

/**
 * What the Learner's view shows, as one immutable snapshot: the training and validation loss per epoch, how far
 * training got and why it ended, and the model summary. Made from the trainer's per-epoch records (epoch 0, the
 * decoder before training, included when the trainer measured it) plus, while training runs, the batches of the
 * epoch in progress ({@link #of}); written to and read from the node's internals, so an executed node shows it again
 * after the workflow is saved and reloaded.
 *
 * @param status where training stands
 * @param plannedEpochs the epochs planned for the current (or last) stage
 * @param batchesPerEpoch training batches per epoch of that stage (0 if unknown)
 * @param epochs one point per epoch, in order (stages one after the other)
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
        /** Training ended on its own (all epochs, or early stopping; see the stop reason). */
        FINISHED,
        /** The user stopped training in the view and kept the model trained so far. */
        STOPPED_BY_USER
    }

    /**
     * One epoch's point.
     *
     * @param stage the part of the run ({@link TrainingStage} name)
     * @param epoch 1-based epoch; 0 = the decoder before training (validation loss only)
     * @param trainingLoss mean training loss over the epoch's batches, NaN for epoch 0
     * @param validationLoss the validation loss at the end of the epoch, NaN if none was measured
     * @param batches batches run in the epoch
     * @param complete whether the epoch ran all its batches
     */
    public record EpochPoint(String stage, int epoch, double trainingLoss, double validationLoss, int batches,
            boolean complete) {
    }

    /**
     * The curve of a run: one point per ended epoch, and while training runs one for the epoch in progress (from its
     * batches so far). Without epoch records (a trainer that reports batches only), the points come from the
     * batches.
     *
     * @param ended the trainer's epoch records, in order
     * @param batches the trainer's batch records, in order
     */
    public static LearningCurve of(Status status, List<EpochRecord> ended, List<TrainingRecord> batches,
            int plannedEpochs, int batchesPerEpoch, String stopReason, String summary) {
        return new LearningCurve(status, plannedEpochs, batchesPerEpoch, points(ended, batches, batchesPerEpoch),
                stopReason, summary);
    }

    private static List<EpochPoint> points(List<EpochRecord> ended, List<TrainingRecord> batches,
            int batchesPerEpoch) {
        Map<String, Integer> counts = new HashMap<>();
        for (TrainingRecord record : batches) {
            counts.merge(key(record.stage().name(), record.epoch() + 1), 1, Integer::sum);
        }
        List<EpochPoint> points = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (EpochRecord record : ended) {
            String key = key(record.stage().name(), record.epoch());
            int count = counts.getOrDefault(key, 0);
            done.add(key);
            points.add(new EpochPoint(record.stage().name(), record.epoch(), record.trainingLoss(),
                    record.validationLoss(), count, record.epoch() == 0 || batchesPerEpoch <= 0
                            || count >= batchesPerEpoch || !counts.containsKey(key)));
        }
        // epochs whose end has not been reported: the one in progress (or all, from a batch-only trainer)
        String open = null;
        double sum = 0;
        int count = 0;
        double validation = Double.NaN;
        String stage = null;
        int epoch = 0;
        for (TrainingRecord record : batches) {
            String key = key(record.stage().name(), record.epoch() + 1);
            if (done.contains(key)) {
                continue;
            }
            if (!key.equals(open)) {
                if (open != null) {
                    points.add(partial(stage, epoch, sum, count, validation, batchesPerEpoch));
                }
                open = key;
                stage = record.stage().name();
                epoch = record.epoch() + 1;
                sum = 0;
                count = 0;
                validation = Double.NaN;
            }
            sum += record.trainingLoss();
            count++;
            if (!Double.isNaN(record.validationLoss())) {
                validation = record.validationLoss();
            }
        }
        if (open != null) {
            points.add(partial(stage, epoch, sum, count, validation, batchesPerEpoch));
        }
        return points;
    }

    private static EpochPoint partial(String stage, int epoch, double sum, int count, double validation,
            int batchesPerEpoch) {
        return new EpochPoint(stage, epoch, sum / count, validation, count,
                batchesPerEpoch > 0 && count >= batchesPerEpoch);
    }

    private static String key(String stage, int epoch) {
        return stage + "/" + epoch;
    }

    /** The stages of the points, in order of appearance. */
    public List<String> stages() {
        List<String> stages = new ArrayList<>();
        for (EpochPoint point : epochs) {
            if (!stages.contains(point.stage())) {
                stages.add(point.stage());
            }
        }
        return stages;
    }

    /** For people: "training", "final fit on all rows", ... (the stage's own text). */
    static String stageText(String stage) {
        try {
            return TrainingStage.valueOf(stage).text();
        } catch (IllegalArgumentException e) {
            return stage.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
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
                String what = last.stage().equals(TrainingStage.TRAINING.name()) ? "Training"
                        : "Training (" + stageText(last.stage()) + ")";
                return String.format(Locale.ROOT, "%s: epoch %d of %d, batch %d%s; training loss %s%s.", what,
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
            out.writeUTF(point.stage());
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
            points.add(new EpochPoint(in.readUTF(), in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
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
