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
import org.gfe.knime.core.encode.InitialCodes;
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
 * <p>Starting codes are seeded by (solver seed, epoch, row), so a run is repeatable; validation rows start at the
 * same codes every time they are encoded.
 */
public final class DecoderTrainingLoop {

    private final TrainingConfig config;
    private final ParallelWork parallel;

    public DecoderTrainingLoop(TrainingConfig config) {
        this(config, ParallelWork.CALLER_ONLY);
    }

    /** A loop that encodes the groups of each training batch on the threads {@code parallel} lends. */
    public DecoderTrainingLoop(TrainingConfig config, ParallelWork parallel) {
        if (parallel == null) {
            throw new IllegalArgumentException("Threads must be given (or use ParallelWork.CALLER_ONLY).");
        }
        this.config = config;
        this.parallel = parallel;
    }

    /**
     * Trains on the rows (already normalised, NaN = missing) and returns the history.
     *
     * @throws TrainingCancelledException if the listener stopped the run
     * @throws TrainingDivergedException if a loss or gradient became NaN or infinite
     */
    public List<TrainingRecord> run(TrainableDecoder decoder, double[][] rows, TrainingListener listener) {
        DjlRuntime.engine();
        BatchSchedule schedule = new BatchSchedule(config, rows.length);
        int[] validation = schedule.validationRows();
        List<TrainingRecord> history = new ArrayList<>();
        long start = System.nanoTime();
        long rowsSeen = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[][] batches = schedule.nextEpoch();
            for (int batch = 0; batch < batches.length; batch++) {
                int[] members = batches[batch];
                double loss = trainBatch(decoder, rows, members, epoch, batch, listener);
                rowsSeen += members.length;
                double validationLoss = schedule.validatesAfter(batch)
                        ? validationLoss(decoder, rows, validation, listener) : Double.NaN;
                TrainingRecord record = new TrainingRecord(epoch, batch, rowsSeen, loss, validationLoss,
                        (System.nanoTime() - start) / 1e9);
                history.add(record);
                if (!listener.onBatch(record)) {
                    throw new TrainingCancelledException();
                }
            }
        }
        return history;
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
            double[][] startCodes = InitialCodes.of(solver, identities, decoder.latentDimension());
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

    /** Mean per-row loss of the validation rows encoded with the current decoder. */
    private double validationLoss(TrainableDecoder decoder, double[][] rows, int[] validation,
            TrainingListener listener) {
        SolverSettings solver = config.solver();
        double total = 0;
        int chunk = solver.encodingBatchSize();
        for (int from = 0; from < validation.length; from += chunk) {
            int[] members = Arrays.copyOfRange(validation, from, Math.min(validation.length, from + chunk));
            long[] identities = Arrays.stream(members).asLongStream().map(m -> -1 - m).toArray();
            try (NDManager manager = DjlRuntime.newManager()) {
                var objective = decoder.objective(manager, pick(rows, members));
                NDArray z0 = BatchArrays.fromRows(manager,
                        InitialCodes.of(solver, identities, decoder.latentDimension()), decoder.precision());
                FlowSolution solution = new FlowSolver(solver).solve(objective, z0,
                        info -> !listener.stopRequested());
                total += Arrays.stream(solution.losses()).sum();
            } catch (IntegrationCancelledException e) {
                throw new TrainingCancelledException();
            }
        }
        return total / validation.length;
    }

    private static double[][] pick(double[][] rows, int[] members) {
        double[][] picked = new double[members.length][];
        for (int i = 0; i < members.length; i++) {
            picked[i] = rows[members[i]];
        }
        return picked;
    }
}
