package org.gfe.knime.bench;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.optim.RmsProp;
import org.gfe.knime.core.train.DecoderTrainingLoop;
import org.gfe.knime.core.train.DecoderUnderTraining;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingMethod;

/**
 * Paper Fig. 2 on MNIST with B = 20, against iterations: approximate vs full adjoint (left), and the first-order flow
 * by RK4 vs the second-order flow by RK4 vs AMD (right). The fixed-step variants start at z0 = 0 as in the reference.
 */
final class FlowVariantsCase {

    private FlowVariantsCase() {
    }

    static SolverSettings rk4(FlowOrder order) {
        return MnistSetup.solver(IntegratorKind.RK4).toBuilder().flowOrder(order).initialState(InitialState.ZEROS)
                .build();
    }

    /** Trains for the iterations; validates on the parity and stable sets every {@code every} iterations. */
    static LearningCurve run(String name, ImageDataset data, SolverSettings solver, TrainingMethod method,
            int iterations, int every) {
        LearningCurve curve = new LearningCurve(name);
        int batch = 20;
        double[][] rows = Arrays.copyOf(data.training(), iterations * batch);
        ReconstructionLoss loss = ReconstructionLoss.of(MnistSetup.LOSS);
        MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
        RmsProp optimiser = new RmsProp(MnistSetup.LEARNING_RATE, MnistSetup.RMS_ALPHA, MnistSetup.RMS_EPSILON);
        LiveDecoderSource source = new LiveDecoderSource(decoder, loss);
        // validation always encodes with the product's per-row AMD, so the curves compare decoders, not encoders
        SolverSettings validationSolver = MnistSetup.solver(IntegratorKind.AMD_PER_ROW);
        double[] validationSeconds = {0};
        TrainingListener listener = record -> {
            int iteration = record.batch() + 1;
            if (iteration % every == 0 || iteration == iterations) {
                long start = System.nanoTime();
                double stable = Validation.encode(source, validationSolver,
                        Arrays.copyOf(data.stableValidation(), 200), 2).meanLoss();
                curve.add(new LearningCurve.Point(iteration, record.elapsedSeconds() - validationSeconds[0],
                        Double.NaN, stable, record.trainingLoss()));
                validationSeconds[0] += (System.nanoTime() - start) / 1e9;
            }
            return true;
        };
        try (DecoderUnderTraining trainable = new DecoderUnderTraining(decoder, loss, optimiser)) {
            new DecoderTrainingLoop(MnistSetup.training(solver, method, batch)).run(trainable, rows, listener);
        }
        return curve;
    }
}
