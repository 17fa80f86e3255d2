package org.gfe.knime.bench;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.optim.RmsProp;
import org.gfe.knime.core.train.AutoencoderNetworks;
import org.gfe.knime.core.train.AutoencoderTrainer;
import org.gfe.knime.core.train.DecoderTrainingLoop;
import org.gfe.knime.core.train.DecoderUnderTraining;
import org.gfe.knime.core.train.TrainingCancelledException;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.core.train.TrainingRecord;

/**
 * Paper Fig. 1: validation BCE against images seen (one pass, B = 5) and against training seconds, for GFE-amd (the
 * approximate adjoint with AMD, reference-faithful per-batch or per-row) and the AE baseline of the same decoder.
 * Validation is measured at marks with the training clock paused.
 */
final class DataEfficiencyCase {

    static final long[] MARKS = {50, 100, 300, 600, 1000, 1500, 2000, 2600, 5000, 8670, 10000};
    /** Marks where the 1,000-image validation set is also encoded (it costs tens of seconds per mark). */
    static final Set<Long> STABLE_MARKS = Set.of(100L, 600L, 1000L, 2600L, 5000L, 10000L);

    private DataEfficiencyCase() {
    }

    /** Threads lent to GFE training (the groups of a per-row-AMD batch run on them); set by {@code --train-threads}. */
    static int trainThreads = Runtime.getRuntime().availableProcessors();

    static ParallelWork trainingThreads() {
        return ParallelWork.of(ForkJoinPool.commonPool(), trainThreads);
    }

    /** GFE-amd trained on the first {@code maxImages} training images; validates at the marks. */
    static LearningCurve gfe(ImageDataset data, IntegratorKind integrator, long maxImages, boolean stable,
            MlpDecoder[] keep) {
        String name = "GFE-amd " + (integrator == IntegratorKind.AMD_REFERENCE ? "per-batch (reference)" : "per-row");
        LearningCurve curve = new LearningCurve(data.name() + " " + name);
        SolverSettings solver = MnistSetup.solver(integrator);
        // the reference encodes its 8 validation images as one batch with its AMD
        SolverSettings paritySolver = MnistSetup.solver(IntegratorKind.AMD_REFERENCE).toBuilder().encodingBatchSize(8)
                .build();
        SolverSettings stableSolver = MnistSetup.solver(IntegratorKind.AMD_PER_ROW);
        double[][] rows = Arrays.copyOf(data.training(), (int) maxImages);
        ReconstructionLoss loss = ReconstructionLoss.of(MnistSetup.LOSS);
        MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
        RmsProp optimiser = new RmsProp(MnistSetup.LEARNING_RATE, MnistSetup.RMS_ALPHA, MnistSetup.RMS_EPSILON);
        LiveDecoderSource source = new LiveDecoderSource(decoder, loss);
        Set<Long> marks = marks(maxImages);
        double[] validationSeconds = {0};
        TrainingListener listener = record -> {
            if (marks.contains(record.rowsSeen())) {
                long start = System.nanoTime();
                double parity = Validation.encode(source, paritySolver, data.parityValidation(), 1).meanLoss();
                double stableLoss = stable && STABLE_MARKS.contains(record.rowsSeen())
                        ? Validation.encode(source, stableSolver, data.stableValidation(), 2).meanLoss() : Double.NaN;
                curve.add(new LearningCurve.Point(record.rowsSeen(),
                        record.elapsedSeconds() - validationSeconds[0], parity, stableLoss, record.trainingLoss()));
                validationSeconds[0] += (System.nanoTime() - start) / 1e9;
            }
            return true;
        };
        try (DecoderUnderTraining trainable = new DecoderUnderTraining(decoder, loss, optimiser)) {
            new DecoderTrainingLoop(MnistSetup.training(solver, TrainingMethod.APPROXIMATE_ADJOINT, 5),
                    trainingThreads()).run(trainable, rows, listener);
            if (keep != null) {
                keep[0] = MlpDecoder.of(decoder.spec(), decoder.parameterValues(), DataType.FLOAT32);
            }
        }
        return curve;
    }

    /** The AE baseline on the same images, batches and optimiser; validation is cheap, so every 50 images too. */
    static LearningCurve autoencoder(ImageDataset data, long maxImages) {
        LearningCurve curve = new LearningCurve(data.name() + " AE");
        ReconstructionLoss loss = ReconstructionLoss.of(MnistSetup.LOSS);
        MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
        MlpDecoder encoder = MlpDecoder.initialise(AutoencoderTrainer.encoderSpec(MnistSetup.decoder()),
                MnistSetup.SEED + 1, DataType.FLOAT32);
        AutoencoderNetworks networks = new AutoencoderNetworks(encoder, decoder, loss);
        Set<Long> marks = marks(maxImages);
        for (long m = 50; m <= maxImages; m += 50) {
            marks.add(m);
        }
        double[][] rows = data.training();
        int batch = 5;
        double validationSeconds = 0;
        long start = System.nanoTime();
        try (RmsProp decoderOptimiser = optimiser(); RmsProp encoderOptimiser = optimiser()) {
            for (int b = 0; (long) (b + 1) * batch <= maxImages; b++) {
                double batchLoss = networks.step(Arrays.copyOfRange(rows, b * batch, (b + 1) * batch),
                        decoderOptimiser, encoderOptimiser, 0, b);
                long seen = (long) (b + 1) * batch;
                if (marks.contains(seen)) {
                    double elapsed = (System.nanoTime() - start) / 1e9 - validationSeconds;
                    long v = System.nanoTime();
                    double parity = networks.meanLoss(data.parityValidation());
                    double stableLoss = networks.meanLoss(data.stableValidation());
                    validationSeconds += (System.nanoTime() - v) / 1e9;
                    LearningCurve.Point point = new LearningCurve.Point(seen, elapsed, parity, stableLoss, batchLoss);
                    if (seen % 500 == 0 || Arrays.stream(MARKS).anyMatch(x -> x == seen)) {
                        curve.add(point);
                    } else {
                        curve.points.add(point);
                    }
                }
            }
        } finally {
            encoder.close();
            decoder.close();
        }
        return curve;
    }

    private static RmsProp optimiser() {
        return new RmsProp(MnistSetup.LEARNING_RATE, MnistSetup.RMS_ALPHA, MnistSetup.RMS_EPSILON);
    }

    private static Set<Long> marks(long maxImages) {
        Set<Long> marks = new TreeSet<>();
        for (long m : MARKS) {
            if (m <= maxImages) {
                marks.add(m);
            }
        }
        marks.add(maxImages);
        return marks;
    }

    /** Training seconds alone (no validation at all) to see the given numbers of images, as the reference's table. */
    static double[] trainingSecondsOnly(ImageDataset data, IntegratorKind integrator, long[] checkpoints) {
        double[] seconds = new double[checkpoints.length];
        long max = checkpoints[checkpoints.length - 1];
        ReconstructionLoss loss = ReconstructionLoss.of(MnistSetup.LOSS);
        MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
        RmsProp optimiser = new RmsProp(MnistSetup.LEARNING_RATE, MnistSetup.RMS_ALPHA, MnistSetup.RMS_EPSILON);
        TrainingListener listener = (TrainingRecord record) -> {
            for (int i = 0; i < checkpoints.length; i++) {
                if (checkpoints[i] == record.rowsSeen()) {
                    seconds[i] = record.elapsedSeconds();
                }
            }
            return true;
        };
        try (DecoderUnderTraining trainable = new DecoderUnderTraining(decoder, loss, optimiser)) {
            new DecoderTrainingLoop(MnistSetup.training(MnistSetup.solver(integrator),
                    TrainingMethod.APPROXIMATE_ADJOINT, 5), trainingThreads()).run(trainable, Arrays.copyOf(data.training(), (int) max),
                    listener);
        } catch (TrainingCancelledException e) {
            // not used: the listener never stops
        }
        return seconds;
    }
}
