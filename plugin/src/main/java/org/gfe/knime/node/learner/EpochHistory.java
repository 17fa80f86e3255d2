package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.train.EpochRecord;
import org.gfe.knime.core.train.StopReason;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.core.train.TrainingResult;
import org.gfe.knime.core.train.TrainingStage;
import org.gfe.knime.node.learner.LearningCurve.EpochPoint;
import org.gfe.knime.node.learner.TrainingProgress.LoggedEpoch;

/**
 * A finished training run per epoch, as the Learner reports it: the rows of its history table, the points of its
 * view, the kept epoch (the epoch whose decoder the model holds) with its losses for the flow variables and the
 * model's summary, and why training ended. One place, so the table, the view, the flow variables and the summary
 * tell the same story.
 *
 * <p>A plain run has one stage ("training"). A linear + MLP decoder first chooses its number of epochs E on validation
 * rows ("selection": k folds of the training rows, each fitted and validated, and their mean per epoch; or one split),
 * then fits all rows for E epochs ("final fit"; from 500 rows the single split's decoder at epoch E is the model
 * instead); with E = 0 the model is PCA's reconstruction, the decoder as initialised on all rows (a "final fit" row of
 * epoch 0 marks it kept).
 */
final class EpochHistory {

    /**
     * One epoch of one run.
     *
     * @param stage the stage
     * @param run which run of the stage, e.g. "fold 2 of 5" or "mean of 5 folds"; empty if the stage has one
     * @param epoch 1-based; 0 = the decoder before training
     * @param rowsSeen training rows processed by the run up to the end of the epoch; -1 if not one run's (a mean)
     * @param trainingLoss mean of the epoch's batch losses; NaN for epoch 0
     * @param validationLoss validation loss at the end of the epoch; NaN if not measured
     * @param kept whether the model holds this epoch's decoder
     * @param seconds seconds since the row's run (the training, a fold, the final fit) started, at the end of the
     *        epoch; NaN for a mean
     */
    record Row(TrainingStage stage, String run, int epoch, long rowsSeen, double trainingLoss, double validationLoss,
            boolean kept, double seconds) {

        /** The table's stage: "training", "selection", "selection, fold 2 of 5", "final fit". */
        String stageText() {
            String text = switch (stage) {
                case TRAINING -> "training";
                case SELECTION -> "selection";
                case FINAL_FIT -> "final fit";
            };
            return run.isEmpty() ? text : text + ", " + run;
        }

        Row asKept() {
            return new Row(stage, run, epoch, rowsSeen, trainingLoss, validationLoss, true, seconds);
        }
    }

    /** Stop reason for a model that is PCA's because no correction beat it. */
    static final String PCA_KEPT = "PCA kept: the correction did not beat PCA on held-out rows";
    /** Stop reason for a model that is PCA's because the table is too small to check a correction. */
    static final String PCA_TOO_FEW_ROWS = "PCA kept: too few rows to check a correction on held-out rows";

    private final TrainingResult result;
    private final boolean staged;
    private final List<Row> rows;
    private final Row kept;
    private final List<Row> selectionCurve;
    private final int foldsRun;
    private final TrainingStage stoppedByUserIn;

    private EpochHistory(TrainingResult result, List<LoggedEpoch> logged, int selectionRuns,
            TrainingStage stoppedByUserIn) {
        this.result = result;
        this.staged = result.config().decoderKind() == DecoderKind.LINEAR_PLUS_MLP;
        this.stoppedByUserIn = stoppedByUserIn;
        List<Row> all = new ArrayList<>();
        if (!staged) {
            for (LoggedEpoch entry : logged) {
                all.add(row(entry, ""));
            }
            kept = markKept(all, TrainingStage.TRAINING, result.bestEpoch());
            selectionCurve = List.of();
            foldsRun = 0;
        } else {
            List<Row> folds = new ArrayList<>();
            int runs = 0;
            for (LoggedEpoch entry : logged) {
                if (entry.stage() == TrainingStage.SELECTION) {
                    folds.add(row(entry, TrainingProgress.runLabel(TrainingStage.SELECTION, entry.run(),
                            selectionRuns)));
                    runs = Math.max(runs, entry.run());
                }
            }
            foldsRun = runs;
            all.addAll(folds);
            if (runs > 1) {
                List<Row> means = new ArrayList<>();
                for (EpochRecord record : result.epochs()) {
                    if (record.stage() == TrainingStage.SELECTION) {
                        means.add(new Row(TrainingStage.SELECTION, "mean of " + runs + " folds", record.epoch(), -1,
                                record.trainingLoss(), record.validationLoss(), false, Double.NaN));
                    }
                }
                all.addAll(means);
            }
            for (LoggedEpoch entry : logged) {
                if (entry.stage() == TrainingStage.FINAL_FIT) {
                    all.add(row(entry, ""));
                }
            }
            Row found = markKept(all, TrainingStage.FINAL_FIT, result.bestEpoch());
            if (found == null && result.bestEpoch() > 0 && runs == 1) {
                // a large table: the single selection run's decoder at the chosen epoch is the model, no final fit
                found = markKept(all, TrainingStage.SELECTION, result.bestEpoch());
            }
            if (found == null) {
                // no final fit ran: the model is the decoder as initialised on all rows (PCA's reconstruction)
                found = new Row(TrainingStage.FINAL_FIT, "", 0, 0, Double.NaN, Double.NaN, true, 0);
                all.add(found);
            }
            kept = found;
            // the curve that chose the epochs: the folds' mean, or the one run (with its kept flag)
            boolean averaged = runs > 1;
            String mean = "mean of " + runs + " folds";
            selectionCurve = all.stream().filter(r -> r.stage() == TrainingStage.SELECTION
                    && (!averaged || r.run().equals(mean))).toList();
        }
        rows = List.copyOf(all);
    }

    /**
     * @param logged every epoch the trainer reported, in order, with its run ({@link TrainingProgress#epochs()})
     * @param selectionRuns the runs planned to choose the epochs ({@link TrainingProgress#selectionRuns()})
     * @param stoppedByUserIn the stage the user stopped, or null
     */
    static EpochHistory of(TrainingResult result, List<LoggedEpoch> logged, int selectionRuns,
            TrainingStage stoppedByUserIn) {
        return new EpochHistory(result, logged, selectionRuns, stoppedByUserIn);
    }

    private static Row row(LoggedEpoch entry, String run) {
        EpochRecord record = entry.record();
        return new Row(record.stage(), run, record.epoch(), record.rowsSeen(), record.trainingLoss(),
                record.validationLoss(), false, record.elapsedSeconds());
    }

    /** Marks the last row of the stage with that epoch as kept; returns it (null if there is none). */
    private static Row markKept(List<Row> rows, TrainingStage stage, int epoch) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row row = rows.get(i);
            if (row.stage() == stage && row.epoch() == epoch) {
                Row kept = row.asKept();
                rows.set(i, kept);
                return kept;
            }
        }
        return null;
    }

    /** The history table's rows, in order. */
    List<Row> rows() {
        return rows;
    }

    /** The kept epoch's row, or null if none ran (a plain run stopped before its first epoch ended). */
    Row kept() {
        return kept;
    }

    /** The epoch whose decoder the model holds (0 = as initialised). */
    int keptEpoch() {
        return kept == null ? result.bestEpoch() : kept.epoch();
    }

    /** The training loss of the kept epoch (mean of its batches), NaN if it trained none. */
    double keptTrainingLoss() {
        return kept == null ? Double.NaN : kept.trainingLoss();
    }

    /**
     * The validation loss of the kept model: its epoch's; for a linear + MLP decoder the loss on the rows that chose
     * the epochs, at the kept number of epochs (mean over the folds). NaN if not measured.
     */
    double keptValidationLoss() {
        if (!staged) {
            return kept == null ? Double.NaN : kept.validationLoss();
        }
        int epoch = keptEpoch();
        return selectionCurve.stream().filter(r -> r.epoch() <= epoch).max(Comparator.comparingInt(Row::epoch))
                .map(Row::validationLoss).orElse(Double.NaN);
    }

    /** Epochs run by the training that made the model: the plain run's, the final fit's, or the kept run's. */
    int epochsRun() {
        if (kept != null && kept.stage() == TrainingStage.SELECTION) {
            return rows.stream().filter(r -> r.stage() == TrainingStage.SELECTION && r.run().equals(kept.run()))
                    .mapToInt(Row::epoch).max().orElse(0);
        }
        TrainingStage stage = staged ? TrainingStage.FINAL_FIT : TrainingStage.TRAINING;
        return rows.stream().filter(r -> r.stage() == stage).mapToInt(Row::epoch).max().orElse(0);
    }

    /** Whether the model is the decoder of the run that chose the epochs (a large table: no final fit). */
    private boolean keptFromSelection() {
        return kept != null && kept.stage() == TrainingStage.SELECTION;
    }

    /** Why training ended, in a few words (the flow variable gfe_stop_reason). */
    String stopReason() {
        if (result.stopReason() == StopReason.STOPPED_BY_USER) {
            return "stopped by the user";
        }
        if (staged && keptEpoch() == 0) {
            return selectionCurve.isEmpty() ? PCA_TOO_FEW_ROWS : PCA_KEPT;
        }
        return result.stopReason() == StopReason.NO_IMPROVEMENT ? "early stopping" : "all epochs";
    }

    /** Why training ended, one or two sentences for the view's status line and the user-stop warning. */
    String stopText(int batchesPerEpoch) {
        if (!staged) {
            return plainStopText(batchesPerEpoch);
        }
        int chosen = result.config().epochs();
        int keptEpoch = keptEpoch();
        String where = foldsRun > 1 ? foldsRun + "-fold validation" : "validation rows";
        if (result.stopReason() == StopReason.STOPPED_BY_USER) {
            if (stoppedByUserIn == TrainingStage.FINAL_FIT) {
                return "Stopped by the user in the final fit on all rows, in epoch " + keptEpoch + " of " + chosen
                        + "; the output is the model trained so far.";
            }
            return "Stopped by the user while choosing the epochs on validation rows; " + (keptEpoch == 0
                    ? "the model is PCA's reconstruction (epoch 0)."
                    : "chose " + keptEpoch + " epoch(s) on the " + where + " seen so far and trained them on all"
                            + " rows.");
        }
        if (keptEpoch == 0) {
            return selectionCurve.isEmpty()
                    ? "Finished: too few rows to check a correction on held-out rows, so the model is PCA's"
                            + " reconstruction (epoch 0)."
                    : "Finished: the MLP correction did not beat PCA on " + where + ", so the model is PCA's"
                            + " reconstruction (epoch 0).";
        }
        String how = result.stopReason() == StopReason.NO_IMPROVEMENT ? "early stopping" : "all epochs ran";
        if (keptFromSelection()) {
            return "Finished: chose " + keptEpoch + " epoch(s) on " + where + " (" + how + "); the model is that"
                    + " run's decoder (no refit on all rows from 500 rows on).";
        }
        return "Finished: chose " + keptEpoch + " epoch(s) on " + where + " (" + how + ") and trained them on all"
                + " rows.";
    }

    private String plainStopText(int batchesPerEpoch) {
        int planned = result.config().epochs();
        List<TrainingRecord> batches = result.history();
        TrainingRecord last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
        int epochs = last == null ? 0 : last.epoch() + 1;
        String reason = switch (result.stopReason()) {
            case EPOCHS_COMPLETED -> "Finished: trained all " + planned + " epoch(s).";
            case NO_IMPROVEMENT -> "Stopped early after epoch " + epochs + " of " + planned + ": "
                    + result.stopReason().text() + ".";
            case STOPPED_BY_USER -> "Stopped by the user " + (last == null || last.batch() + 1 >= batchesPerEpoch
                    ? "after epoch " + epochs + " of " + planned
                    : "in epoch " + epochs + " of " + planned + ", after batch " + (last.batch() + 1) + " of "
                            + batchesPerEpoch) + "; the output is the model trained so far.";
        };
        if (result.config().keepBestEpoch() && result.bestEpoch() < epochs) {
            reason += result.bestEpoch() == 0
                    ? " The model is the decoder as it was before training: no epoch lowered the validation loss."
                    : " The model is that of epoch " + result.bestEpoch() + ", whose validation loss was lowest.";
        }
        return reason;
    }

    /** Which decoder the model holds, one line for the model's summary. */
    String keptNote() {
        int keptEpoch = keptEpoch();
        if (staged) {
            if (keptEpoch == 0) {
                return "Kept: epoch 0, the decoder as initialised on all rows: PCA's reconstruction.";
            }
            if (keptFromSelection()) {
                return "Kept: the decoder of epoch " + keptEpoch + " of the run that chose the epochs, fitted on the"
                        + " rows not held out (from 500 training rows a refit on all of them would change little).";
            }
            String where = foldsRun > 1 ? foldsRun + "-fold validation" : "validation rows";
            return "Kept: the decoder after epoch " + keptEpoch + " of the final fit on all rows ("
                    + (stoppedByUserIn == TrainingStage.FINAL_FIT ? "stopped by the user; "
                            + result.config().epochs() + " epoch(s) had been chosen" : "the number of epochs chosen")
                    + " on " + where + ").";
        }
        int run = epochsRun();
        if (result.config().keepBestEpoch() && keptEpoch < run) {
            return "Kept: the decoder of epoch " + keptEpoch + " of " + run + ", whose validation loss was lowest.";
        }
        return "Kept: the decoder after the last epoch (" + keptEpoch + ").";
    }

    /**
     * The view's points after training: the curve that chose the epochs (the mean over the folds, or the one split)
     * and the final fit, or the plain run's epochs; the kept epoch marked.
     *
     * @param batchesPerEpoch batches per epoch of the model's stage (the final fit or the plain run)
     */
    List<EpochPoint> points(int batchesPerEpoch) {
        List<EpochPoint> points = new ArrayList<>();
        if (!staged) {
            List<EpochRecord> epochs = result.epochs();
            for (EpochPoint point : LearningCurve.points(epochs, result.history(), batchesPerEpoch, "")) {
                points.add(point.kept(kept != null && point.epoch() == kept.epoch()));
            }
            return points;
        }
        for (Row row : selectionCurve) {
            points.add(new EpochPoint(row.stage().name(), row.epoch(), row.trainingLoss(), row.validationLoss(), 0,
                    true, row.run(), row.kept()));
        }
        List<EpochRecord> finalFit = result.epochs().stream().filter(e -> e.stage() == TrainingStage.FINAL_FIT)
                .toList();
        List<TrainingRecord> finalBatches = result.history().stream()
                .filter(b -> b.stage() == TrainingStage.FINAL_FIT).toList();
        for (EpochPoint point : LearningCurve.points(finalFit, finalBatches, batchesPerEpoch, "")) {
            points.add(point.kept(point.epoch() == keptEpoch()));
        }
        if (finalFit.isEmpty() && !points.isEmpty() && !keptFromSelection()) {
            // PCA kept: the decoder as initialised, shown where the choice measured it (epoch 0 of the selection)
            points.add(new EpochPoint(TrainingStage.FINAL_FIT.name(), 0, Double.NaN, Double.NaN, 0, true, "", true));
        }
        return points;
    }

    /** For tests and messages: the history in one line per row. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%s %d %d %.4g %.4g%s%n", row.stageText(), row.epoch(),
                    row.rowsSeen(), row.trainingLoss(), row.validationLoss(), row.kept() ? " kept" : ""));
        }
        return text.toString();
    }
}
