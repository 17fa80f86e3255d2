package org.gfe.knime.core.train;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.core.decoder.LinearPlusMlpDecoder;
import org.gfe.knime.core.decoder.LinearPlusMlpSpec;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.optim.RmsProp;

/**
 * Trains a {@link LinearPlusMlpDecoder} so that it is never worse than PCA on the rows it was checked on:
 *
 * <ol>
 * <li>Selection: the training rows are split (seeded) into rows to fit and validation rows, or, for small tables,
 * into {@value #FOLDS} folds that each serve once as validation rows. On each split the decoder starts at the
 * principal components of the rows it fits (so epoch 0 is exactly PCA), trains its MLP correction and records the
 * validation loss after every epoch, with early stopping. The epoch count E with the lowest mean validation loss is
 * chosen; unless it beats epoch 0 (PCA) by {@value #REQUIRED_GAIN_PERCENT} % and by two standard errors of the
 * per-row gains, E = 0.</li>
 * <li>Final fit: the decoder starts at the principal components of all training rows and trains for E epochs. With
 * E = 0 the model is PCA's reconstruction, with codes equal to the PCA scores.</li>
 * </ol>
 *
 * <p>It is still GFE: every code, in training and encoding alike, is the gradient flow's optimum of the reconstruction
 * loss, started at the row's linear least-squares code (its PCA score at first); the linear part only gives the flow
 * a start and the decoder a baseline it cannot fall below on the validation rows.
 */
final class LinearPlusMlpTrainer {

    /** Folds for tables with fewer training rows than {@link #FOLDED_BELOW}. */
    static final int FOLDS = 4;
    /** Training rows below which the epochs are chosen by k-fold validation rather than one split. */
    static final int FOLDED_BELOW = 150;
    /** Share of the training rows that validates when one split is used (and no validation fraction is set). */
    static final double VALIDATION_SHARE = 0.2;
    /** Fewest validation rows of one split. */
    static final int MINIMUM_VALIDATION_ROWS = 5;
    /** How much more the MLP correction may amplify a minor component than the first one. */
    static final double MAXIMUM_INPUT_AMPLIFICATION = 10;
    /**
     * From this many training rows on, the model is the decoder of the single selection run (trained on the rows not
     * held out) instead of a final fit on all rows: the 20 % held out change little, and the time halves.
     */
    static final int REFIT_BELOW = 500;
    /** Fewest rows a fold must leave to fit a correction to (else the model is PCA's). */
    static final int MINIMUM_FITTED_ROWS = 10;
    /** The trained correction is kept only if it lowers the validation loss by this share. */
    static final double REQUIRED_GAIN = 0.005;
    static final String REQUIRED_GAIN_PERCENT = "0.5";
    /**
     * ... and by this many standard errors of the per-row gains on the validation rows, so that a gain of a few noisy
     * rows (small tables) does not replace PCA.
     */
    static final double REQUIRED_SIGNIFICANCE = 2;
    /** The auto solver's convergence tolerance, relative to PCA's residual loss on the fitted rows. */
    static final double RELATIVE_CONVERGENCE_TOLERANCE = 1e-4;

    /**
     * float64: these decoders are small, so the wider type costs little, and near-linear tables leave residuals of
     * 1e-7 (z-score units squared) whose changes float32 cannot resolve, which made AMD reject step after step.
     */
    static final DataType PRECISION = DataType.FLOAT64;

    private final TrainingConfig config;
    private final ParallelWork parallel;

    LinearPlusMlpTrainer(TrainingConfig config, ParallelWork parallel) {
        this.config = config;
        this.parallel = parallel;
    }

    TrainingResult train(TrainingData data, TrainingListener listener) {
        double[][] rows = data.normalisedRows();
        int columns = data.columnNames().size();
        int d = config.latentDimension();
        if (d > columns) {
            throw new IllegalArgumentException("The latent dimension (" + d + ") is larger than the number of columns ("
                    + columns + "): the linear + MLP decoder needs at most as many latent dimensions as columns.");
        }
        List<String> notes = new ArrayList<>();
        PrincipalComponents pca = PrincipalComponents.fit(rows, d);
        SolverSettings solver = config.hasAutoSolver()
                ? DataSizedDefaults.tableSolver(columns, RELATIVE_CONVERGENCE_TOLERANCE * meanSquare(residualScales(pca,
                        rows)))
                : config.solver();
        TrainingConfig sized = config.toBuilder().solver(solver).build();

        Selection selection = select(rows, sized, listener, notes);
        int epochs = selection.chosenEpochs();
        StopReason reason = selection.stopReason();
        if (reason == StopReason.STOPPED_BY_USER) {
            epochs = 0; // no final fit after a stop: the model is the safe one
            notes.add("Stopped by the user while choosing the epochs: the model is PCA's reconstruction.");
            if (selection.decoder() != null) {
                selection.decoder().close();
            }
        } else if (selection.decoder() != null) {
            // a large table: the selection run's decoder at its best epoch is the model
            try {
                GfeModel model = new GfeModel(selection.decoder(), data.loss(), data.normalisation(),
                        data.columnNames(), solver);
                return new TrainingResult(model, selection.batches(), selection.curve(), reason, epochs,
                        sized.resolve(rows.length, columns), notes);
            } catch (RuntimeException e) {
                selection.decoder().close();
                throw e;
            }
        }

        TrainingConfig finalConfig = sized.toBuilder().validationFraction(0).keepBestEpoch(false).patience(-1)
                .build().resolve(rows.length, columns);
        finalConfig = finalConfig.toBuilder().epochs(Math.max(1, epochs)).build();
        try (LinearPlusMlpDecoder decoder = initialise(finalConfig, pca, rows)) {
            List<TrainingRecord> batches = new ArrayList<>(selection.batches());
            List<EpochRecord> epochRecords = new ArrayList<>(selection.curve());
            if (epochs > 0) {
                try (DecoderUnderTraining training = new DecoderUnderTraining(decoder,
                        ReconstructionLoss.of(data.loss()), new RmsProp(finalConfig.learningRate(),
                                finalConfig.rmsAlpha(), finalConfig.rmsEpsilon()))) {
                    TrainingHistory fit = new DecoderTrainingLoop(finalConfig, parallel, TrainingStage.FINAL_FIT)
                            .train(training, rows, new double[0][], listener);
                    batches.addAll(fit.batches());
                    epochRecords.addAll(fit.epochs());
                    if (fit.stopReason() == StopReason.STOPPED_BY_USER) {
                        reason = StopReason.STOPPED_BY_USER;
                        epochs = fit.bestEpoch();
                    }
                }
            }
            LinearPlusMlpDecoder trained = decoder.copy();
            try {
                GfeModel model = new GfeModel(trained, data.loss(), data.normalisation(), data.columnNames(), solver);
                return new TrainingResult(model, batches, epochRecords, reason, epochs, finalConfig, notes);
            } catch (RuntimeException e) {
                trained.close();
                throw e;
            }
        }
    }

    /** The epoch count chosen on validation rows, and what the selection runs recorded. */
    /**
     * The epoch count chosen on validation rows, what the selection runs recorded, and for a large table the decoder
     * of its single selection run (at the chosen epoch), which then is the model (or null).
     */
    private record Selection(int chosenEpochs, List<TrainingRecord> batches, List<EpochRecord> curve,
            StopReason stopReason, LinearPlusMlpDecoder decoder) {
    }

    private Selection select(double[][] rows, TrainingConfig sized, TrainingListener listener, List<String> notes) {
        int n = rows.length;
        int[][] validationFolds = validationFolds(n);
        if (validationFolds.length == 0) {
            notes.add(String.format(Locale.ROOT, "Only %d training rows: too few to check a non-linear correction on"
                    + " held-out rows, so the model is PCA's reconstruction (its codes are the PCA scores).", n));
            return new Selection(0, List.of(), List.of(), StopReason.EPOCHS_COMPLETED, null);
        }
        // the folds are independent: they run at the same time on the lent threads, each on one of them, and the
        // listener hears them in order
        TrainingHistory[] histories = new TrainingHistory[validationFolds.length];
        OrderedListeners ordered = new OrderedListeners(listener, validationFolds.length);
        boolean single = validationFolds.length == 1;
        LinearPlusMlpDecoder[] kept = new LinearPlusMlpDecoder[1];
        parallel.forEach(validationFolds.length, f -> {
            try {
                // several folds share the lent threads, one each; a single split gets them all
                SelectionRun run = selectionRun(rows, validationFolds[f], sized, ordered.of(f),
                        single ? parallel : ParallelWork.CALLER_ONLY, single && n >= REFIT_BELOW);
                histories[f] = run.history();
                kept[0] = run.decoder();
            } finally {
                ordered.finish(f);
            }
        });
        List<TrainingRecord> batches = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        List<double[]> trainingCurves = new ArrayList<>();
        List<List<double[]>> rowLosses = new ArrayList<>();
        StopReason reason = StopReason.NO_IMPROVEMENT;
        int longest = 0;
        for (TrainingHistory history : histories) {
            batches.addAll(history.batches());
            double[] curve = new double[history.epochs().size()];
            double[] trainingCurve = new double[curve.length];
            for (EpochRecord record : history.epochs()) {
                curve[record.epoch()] = record.validationLoss();
                trainingCurve[record.epoch()] = record.trainingLoss();
            }
            curves.add(curve);
            trainingCurves.add(trainingCurve);
            rowLosses.add(history.validationRowLosses());
            longest = Math.max(longest, curve.length);
            if (history.stopReason() == StopReason.STOPPED_BY_USER) {
                reason = StopReason.STOPPED_BY_USER;
            } else if (history.stopReason() == StopReason.EPOCHS_COMPLETED && reason != StopReason.STOPPED_BY_USER) {
                reason = StopReason.EPOCHS_COMPLETED;
            }
        }
        // a fold that stopped early keeps its last validation loss for the epochs it did not run
        double[] mean = new double[longest];
        double[] meanTraining = new double[longest];
        for (int e = 0; e < longest; e++) {
            double sum = 0;
            double trainingSum = 0;
            for (int f = 0; f < curves.size(); f++) {
                double[] curve = curves.get(f);
                sum += curve[Math.min(e, curve.length - 1)];
                trainingSum += trainingCurves.get(f)[Math.min(e, curve.length - 1)];
            }
            mean[e] = sum / curves.size();
            meanTraining[e] = trainingSum / curves.size();
        }
        int best = 0;
        for (int e = 1; e < longest; e++) {
            if (mean[e] < mean[best]) {
                best = e;
            }
        }
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 0; e < longest; e++) {
            epochs.add(new EpochRecord(TrainingStage.SELECTION, e, 0, e == 0 ? Double.NaN : meanTraining[e], mean[e],
                    Double.NaN));
        }
        String where = curves.size() > 1 ? curves.size() + "-fold validation" : "validation rows";
        double significance = best == 0 ? 0 : pairedGain(rowLosses, best);
        if (best > 0 && mean[best] <= mean[0] * (1 - REQUIRED_GAIN) && significance >= REQUIRED_SIGNIFICANCE) {
            String model = kept[0] != null
                    ? String.format(Locale.ROOT, "the model is that decoder (with %d training rows, a refit on all of"
                            + " them would change little)", n)
                    : String.format(Locale.ROOT, "the final model trained %d epochs on all rows", best);
            notes.add(String.format(Locale.ROOT, "The MLP correction lowered the loss on %s from %.4g (PCA) to %.4g"
                    + " after %d epochs (%.1f standard errors over the rows); %s.", where, mean[0], mean[best], best,
                    significance, model));
            return new Selection(best, batches, epochs, reason, kept[0]);
        }
        if (kept[0] != null) {
            kept[0].close();
        }
        notes.add(String.format(Locale.ROOT, "The MLP correction did not lower the loss on %s clearly below PCA's"
                + " (%.4g, best %.4g after %d epochs, %.1f standard errors; a model must gain %s%% and %.1f standard"
                + " errors over the rows), so the model is PCA's reconstruction (its codes are the PCA scores).", where,
                mean[0], mean[best], best, significance, REQUIRED_GAIN_PERCENT, REQUIRED_SIGNIFICANCE));
        return new Selection(0, batches, epochs, reason, null);
    }

    /**
     * How many standard errors the mean per-row gain over PCA (epoch 0) at {@code epoch} lies above zero, over every
     * validation row of every fold (a fold that stopped early counts with its last validated epoch).
     */
    static double pairedGain(List<List<double[]>> rowLosses, int epoch) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (List<double[]> fold : rowLosses) {
            double[] before = fold.get(0);
            double[] after = fold.get(Math.min(epoch, fold.size() - 1));
            for (int i = 0; i < before.length; i++) {
                double gain = before[i] - after[i];
                sum += gain;
                squares += gain * gain;
                count++;
            }
        }
        if (count < 2) {
            return 0;
        }
        double mean = sum / count;
        double variance = Math.max(0, (squares - count * mean * mean) / (count - 1));
        return variance == 0 ? (mean > 0 ? Double.POSITIVE_INFINITY : 0) : mean / Math.sqrt(variance / count);
    }

    /** One selection run: fit on the rows outside {@code validation}, validate on those. */
    private SelectionRun selectionRun(double[][] rows, int[] validation, TrainingConfig sized,
            TrainingListener listener, ParallelWork threads, boolean keepDecoder) {
        int n = rows.length;
        boolean[] held = new boolean[n];
        for (int m : validation) {
            held[m] = true;
        }
        double[][] fitRows = new double[n - validation.length][];
        double[][] validationRows = new double[validation.length][];
        for (int m = 0, f = 0, v = 0; m < n; m++) {
            if (held[m]) {
                validationRows[v++] = rows[m];
            } else {
                fitRows[f++] = rows[m];
            }
        }
        int columns = rows[0].length;
        // keeping the best epoch also measures epoch 0 (PCA) when early stopping is off
        TrainingConfig foldConfig = sized.toBuilder().validationFraction(0).validationInterval(0)
                .keepBestEpoch(true).build().resolve(fitRows.length, columns);
        PrincipalComponents pca = PrincipalComponents.fit(fitRows, config.latentDimension());
        try (LinearPlusMlpDecoder decoder = initialise(foldConfig, pca, fitRows);
                DecoderUnderTraining training = new DecoderUnderTraining(decoder, ReconstructionLoss.of(LossKind.MSE),
                        new RmsProp(foldConfig.learningRate(), foldConfig.rmsAlpha(), foldConfig.rmsEpsilon()))) {
            TrainingHistory history = new DecoderTrainingLoop(foldConfig, threads, TrainingStage.SELECTION)
                    .train(training, fitRows, validationRows, listener);
            return new SelectionRun(history, keepDecoder ? decoder.copy() : null);
        }
    }

    /** A selection run's history, and its decoder at its best epoch when the caller keeps it. */
    private record SelectionRun(TrainingHistory history, LinearPlusMlpDecoder decoder) {
    }

    /**
     * How many runs choose the epochs on {@code n} training rows: {@value #FOLDS} folds (fewer for tiny tables) below
     * {@link #FOLDED_BELOW} rows, else one split; 0 if too few rows (the model is then PCA's).
     */
    static int selectionRuns(int n, int latentDimension) {
        if (n >= FOLDED_BELOW) {
            return 1;
        }
        int folds = Math.min(FOLDS, n / 2);
        // each fold validates on at least two rows and leaves enough rows to fit a correction to
        if (folds < 2 || n - (n + folds - 1) / folds < Math.max(MINIMUM_FITTED_ROWS, 2 * latentDimension + 2)) {
            return 0;
        }
        return folds;
    }

    /** Whether a correction chosen on {@code n} training rows is fitted again on all of them (below 500 rows). */
    static boolean refits(int n, int latentDimension) {
        return selectionRuns(n, latentDimension) > 0 && n < REFIT_BELOW;
    }

    /** The validation rows of each split: one seeded split, or k folds for small tables; none if too few rows. */
    private int[][] validationFolds(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(config.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int folds = selectionRuns(n, config.latentDimension());
        if (folds == 0) {
            return new int[0][];
        }
        if (n < FOLDED_BELOW) {
            int[][] result = new int[folds][];
            for (int f = 0; f < folds; f++) {
                int from = f * n / folds;
                int to = (f + 1) * n / folds;
                result[f] = Arrays.copyOfRange(order, from, to);
            }
            return result;
        }
        double share = config.validationFraction() > 0 ? config.validationFraction() : VALIDATION_SHARE;
        int count = Math.max(MINIMUM_VALIDATION_ROWS, (int) Math.round(share * n));
        return new int[][] {Arrays.copyOf(order, count)};
    }

    private LinearPlusMlpDecoder initialise(TrainingConfig resolved, PrincipalComponents pca, double[][] rows) {
        int columns = pca.columnCount();
        LinearPlusMlpSpec spec = new LinearPlusMlpSpec(resolved.latentDimension(), resolved.hiddenSizes(),
                resolved.activation(), columns, inputScales(pca), residualScales(pca, rows),
                resolved.linearPartTrained());
        return LinearPlusMlpDecoder.initialise(spec, pca.components(), pca.mean(), resolved.seed(), PRECISION);
    }

    /**
     * The scales s the MLP correction divides the codes by: each component's score deviation, so g sees inputs of
     * order one, but at least a tenth of the first component's. Dividing by a minor component's tiny deviation would
     * make g as steep in it as the amplification, so the flow would need tiny steps there, and g could fit noise
     * along it (seen on tecator with 10 components: many times the steps, and worse than PCA on new rows).
     */
    static double[] inputScales(PrincipalComponents pca) {
        double[] scales = pca.scoreDeviations();
        double floor = scales[0] > 0 ? scales[0] / MAXIMUM_INPUT_AMPLIFICATION : 1;
        for (int k = 0; k < scales.length; k++) {
            scales[k] = Math.max(scales[k], floor);
        }
        return scales;
    }

    /**
     * The output scales sigma: each column's root mean squared PCA residual on the rows (what the correction is to
     * model), floored at a thousandth of the root mean over all columns so no column is shut out entirely.
     */
    static double[] residualScales(PrincipalComponents pca, double[][] rows) {
        double[][] rebuilt = pca.reconstruct(meanFilled(rows, pca.mean()));
        int columns = pca.columnCount();
        double[] sum = new double[columns];
        int[] count = new int[columns];
        for (int m = 0; m < rows.length; m++) {
            for (int p = 0; p < columns; p++) {
                if (!Double.isNaN(rows[m][p])) {
                    double e = rows[m][p] - rebuilt[m][p];
                    sum[p] += e * e;
                    count[p]++;
                }
            }
        }
        double total = 0;
        for (int p = 0; p < columns; p++) {
            sum[p] = count[p] == 0 ? 0 : sum[p] / count[p];
            total += sum[p];
        }
        double floor = Math.max(Math.sqrt(total / columns) * 1e-3, 1e-12);
        double[] scales = new double[columns];
        for (int p = 0; p < columns; p++) {
            scales[p] = Math.max(Math.sqrt(sum[p]), floor);
        }
        return scales;
    }

    /** The mean of the squares: from the residual scales, PCA's mean squared residual per cell (its loss). */
    private static double meanSquare(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.max(sum / values.length, 1e-12);
    }

    private static double[][] meanFilled(double[][] rows, double[] mean) {
        double[][] filled = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            filled[m] = rows[m].clone();
            for (int p = 0; p < mean.length; p++) {
                if (Double.isNaN(filled[m][p])) {
                    filled[m][p] = mean[p];
                }
            }
        }
        return filled;
    }
}
