package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gfe.knime.core.encode.FlowSolution;
import org.gfe.knime.core.encode.FlowSolver;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.objective.ParameterisedObjective;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;
import org.gfe.knime.core.ode.StepObserver;

/**
 * The GFE training loop over a {@link TrainableDecoder} (spec section 5): a seeded split into training and
 * validation rows, a seeded shuffle per epoch, mini-batches; per batch the rows are encoded by the flow and the
 * decoder takes one optimiser step on the gradient of the batch's summed loss, obtained either with the codes held
 * constant (approximate) or through the flow by the adjoint method (full). Each batch runs in its own NDManager.
 *
 * <p>With validation rows, the loss of the encoded validation rows is measured at the end of every epoch (and every
 * {@link TrainingConfig#validationInterval()} batches); training stops early once it has not improved for
 * {@link TrainingConfig#patience()} epochs, and with {@link TrainingConfig#keepBestEpoch()} it ends with the decoder of
 * its best epoch, epoch 0 (the decoder before any update) included.
 *
 * <p>Starting codes are seeded by (solver seed, epoch, row), so a run is repeatable; validation rows start at the
 * same codes every time they are encoded. Validation rows are encoded on the threads the caller lends.
 */
public final class DecoderTrainingLoop {

    private final TrainingConfig config;
    private final ParallelWork parallel;
    private final TrainingStage stage;

    /** A loop on the calling thread. */
    public DecoderTrainingLoop(TrainingConfig config) {
        this(config, ParallelWork.CALLER_ONLY, TrainingStage.TRAINING);
    }

    /**
     * A loop whose encodings run on the threads {@code parallel} lends (the groups of each training batch, see
     * {@link TrainingBatchEncoder}); records marked as training.
     */
    public DecoderTrainingLoop(TrainingConfig config, ParallelWork parallel) {
        this(config, parallel, TrainingStage.TRAINING);
    }

    /** A loop whose encodings run on the threads {@code parallel} lends, its records marked with {@code stage}. */
    public DecoderTrainingLoop(TrainingConfig config, ParallelWork parallel, TrainingStage stage) {
        if (config.hasAutoValues()) {
            throw new IllegalArgumentException("The training config has 'auto' values: resolve it for the data first"
                    + " (TrainingConfig.resolve).");
        }
        this.config = config;
        this.parallel = parallel;
        this.stage = stage;
    }

    /**
     * Trains on the rows (already normalised, NaN = missing) and returns the batch history.
     *
     * @throws TrainingCancelledException if the listener stopped the run
     * @throws TrainingDivergedException if a loss or gradient became NaN or infinite
     */
    public List<TrainingRecord> run(TrainableDecoder decoder, double[][] rows, TrainingListener listener) {
        return train(decoder, rows, listener).batches();
    }

    /**
     * Trains on the rows (already normalised, NaN = missing), split into training and validation rows by the config.
     *
     * @throws TrainingCancelledException if the listener stopped the run
     * @throws TrainingDivergedException if a loss or gradient became NaN or infinite
     */
    public TrainingHistory train(TrainableDecoder decoder, double[][] rows, TrainingListener listener) {
        return train(decoder, rows, new BatchSchedule(config, rows.length), listener);
    }

    /**
     * Trains on {@code trainingRows}, validating on {@code validationRows} (both normalised, NaN = missing; no
     * validation rows: none is measured).
     */
    public TrainingHistory train(TrainableDecoder decoder, double[][] trainingRows, double[][] validationRows,
            TrainingListener listener) {
        double[][] all = new double[trainingRows.length + validationRows.length][];
        System.arraycopy(trainingRows, 0, all, 0, trainingRows.length);
        System.arraycopy(validationRows, 0, all, trainingRows.length, validationRows.length);
        int[] training = new int[trainingRows.length];
        Arrays.setAll(training, i -> i);
        int[] validation = new int[validationRows.length];
        Arrays.setAll(validation, i -> trainingRows.length + i);
        return train(decoder, all, new BatchSchedule(config, training, validation), listener);
    }

    private TrainingHistory train(TrainableDecoder decoder, double[][] rows, BatchSchedule schedule,
            TrainingListener listener) {
        DjlRuntime.engine();
        int[] validation = schedule.validationRows();
        boolean selects = validation.length > 0 && (config.keepBestEpoch() || config.patience() > 0);
        List<TrainingRecord> history = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        List<double[]> epochRowLosses = new ArrayList<>();
        long start = System.nanoTime();
        long rowsSeen = 0;
        listener.onStage(stage, config.epochs(), schedule.batchesPerEpoch());
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<double[]> bestParameters = null;
        if (selects) {
            double[] rowLosses = validationRowLosses(decoder, rows, validation, listener);
            best = mean(rowLosses);
            epochRowLosses.add(rowLosses);
            epochs.add(new EpochRecord(stage, 0, 0, Double.NaN, best, seconds(start)));
            listener.onEpoch(epochs.get(0));
            if (config.keepBestEpoch()) {
                bestParameters = decoder.snapshot();
            }
        }
        StopReason reason = StopReason.EPOCHS_COMPLETED;
        int epochsRun = 0;
        for (int epoch = 0; epoch < config.epochs() && reason == StopReason.EPOCHS_COMPLETED; epoch++) {
            int[][] batches = schedule.nextEpoch();
            double lossSum = 0;
            double epochValidation = Double.NaN;
            double[] epochValidationRows = new double[0];
            int batchesRun = 0;
            for (int batch = 0; batch < batches.length; batch++) {
                int[] members = batches[batch];
                double loss = trainBatch(decoder, rows, members, epoch, batch, listener);
                lossSum += loss;
                batchesRun++;
                rowsSeen += members.length;
                double validationLoss = Double.NaN;
                if (schedule.validatesAfter(batch)) {
                    epochValidationRows = validationRowLosses(decoder, rows, validation, listener);
                    validationLoss = mean(epochValidationRows);
                    epochValidation = validationLoss;
                }
                TrainingRecord record = new TrainingRecord(stage, epoch, batch, rowsSeen, loss, validationLoss,
                        seconds(start));
                history.add(record);
                if (!listener.onBatch(record)) {
                    throw new TrainingCancelledException();
                }
                if (listener.stopAndKeepRequested()) {
                    reason = StopReason.STOPPED_BY_USER;
                    break;
                }
            }
            epochsRun = epoch + 1;
            if (reason == StopReason.STOPPED_BY_USER && validation.length > 0 && Double.isNaN(epochValidation)) {
                // a partial epoch competes too
                epochValidationRows = validationRowLosses(decoder, rows, validation, listener);
                epochValidation = mean(epochValidationRows);
            }
            EpochRecord ended = new EpochRecord(stage, epochsRun, rowsSeen, lossSum / batchesRun, epochValidation,
                    seconds(start));
            epochs.add(ended);
            epochRowLosses.add(epochValidationRows);
            listener.onEpoch(ended);
            if (selects) {
                if (epochValidation < best) {
                    best = epochValidation;
                    bestEpoch = epochsRun;
                    if (config.keepBestEpoch()) {
                        bestParameters = decoder.snapshot();
                    }
                } else if (config.patience() > 0 && epochsRun - bestEpoch >= config.patience()
                        && reason == StopReason.EPOCHS_COMPLETED) {
                    reason = StopReason.NO_IMPROVEMENT;
                }
            }
        }
        if (config.keepBestEpoch() && bestParameters != null && bestEpoch < epochsRun) {
            decoder.restore(bestParameters);
        } else if (!config.keepBestEpoch() || bestParameters == null) {
            bestEpoch = epochsRun;
        }
        return new TrainingHistory(history, epochs, reason, bestEpoch, epochRowLosses);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private double trainBatch(TrainableDecoder decoder, double[][] rows, int[] members, int epoch, int batch,
            TrainingListener listener) {
        SolverSettings solver = config.solver();
        double[][] batchRows = pick(rows, members);
        long[] identities = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            identities[i] = (long) epoch * rows.length + members[i];
        }
        DataType type = decoder.precision();
        try (NDManager manager = DjlRuntime.newManager()) {
            ParameterisedObjective objective = decoder.objective(manager, batchRows);
            double[][] startCodes = decoder.startingCodes(solver, batchRows, identities);
            NDArray z0 = BatchArrays.fromRows(manager, startCodes, type);
            StepObserver poll = info -> !listener.stopRequested();
            FlowSolution solution;
            NDList gradient;
            if (config.method() == TrainingMethod.APPROXIMATE_ADJOINT) {
                solution = new TrainingBatchEncoder(solver, parallel).solve(decoder, batchRows, startCodes, poll);
                gradient = objective.parameterGradient(BatchArrays.fromRows(manager, solution.codes(), type));
            } else {
                Trajectory trajectory = new Trajectory(BatchArrays.toRows(z0));
                StepObserver record = trajectory.observer();
                solution = new FlowSolver(solver).solve(objective, z0, info -> record.onStep(info) && poll.onStep(info));
                gradient = FullAdjointGradient.compute(objective, trajectory, solver.flowRate(), manager, type);
            }
            double loss = Arrays.stream(solution.losses()).average().orElse(Double.NaN);
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException("The training loss became " + loss + " in epoch " + (epoch + 1)
                        + ", batch " + (batch + 1) + ": training diverged. Lower the learning rate, or check the"
                        + " normalisation and the loss for this data.");
            }
            for (NDArray part : gradient) {
                if (part.isNaN().any().getBoolean() || part.isInfinite().any().getBoolean()) {
                    throw new TrainingDivergedException("The decoder's gradient became NaN or infinite in epoch "
                            + (epoch + 1) + ", batch " + (batch + 1) + ": training diverged. Lower the learning"
                            + " rate, or check the normalisation and the loss for this data.");
                }
            }
            decoder.update(gradient);
            return loss;
        } catch (IntegrationCancelledException e) {
            throw new TrainingCancelledException();
        }
    }

    /** Each validation row's loss, encoded with the current decoder on the lent threads (in validation order). */
    private double[] validationRowLosses(TrainableDecoder decoder, double[][] rows, int[] validation,
            TrainingListener listener) {
        SolverSettings solver = config.solver();
        int chunk = LatentEncoder.batchSize(solver, validation.length, parallel.threads());
        int chunks = (validation.length + chunk - 1) / chunk;
        double[] losses = new double[validation.length];
        try {
            parallel.forEach(chunks, c -> {
                int from = c * chunk;
                int[] members = Arrays.copyOfRange(validation, from, Math.min(validation.length, from + chunk));
                long[] identities = Arrays.stream(members).asLongStream().map(m -> -1 - m).toArray();
                double[][] memberRows = pick(rows, members);
                try (NDManager manager = DjlRuntime.newManager()) {
                    var objective = decoder.objective(manager, memberRows);
                    NDArray z0 = BatchArrays.fromRows(manager,
                            decoder.startingCodes(solver, memberRows, identities), decoder.precision());
                    FlowSolution solution = new FlowSolver(solver).solve(objective, z0,
                            info -> !listener.stopRequested());
                    System.arraycopy(solution.losses(), 0, losses, from, members.length);
                }
            });
        } catch (IntegrationCancelledException e) {
            throw new TrainingCancelledException();
        }
        return losses;
    }

    /** The mean, summed in row order, so any number of threads gives the same value. */
    private static double mean(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total / values.length;
    }

    private static double[][] pick(double[][] rows, int[] members) {
        double[][] picked = new double[members.length][];
        for (int i = 0; i < members.length; i++) {
            picked[i] = rows[members[i]];
        }
        return picked;
    }
}
