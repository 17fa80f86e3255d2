package org.gfe.knime.bench;

import java.util.Arrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.ReconstructionLoss;

/**
 * Encoding cost on one trained decoder: 1,000 test images by reference-faithful AMD (B = 5, 16), per-row AMD (B = 128,
 * the largest batch SolverSettings allows: above it PyTorch switches matrix kernels and a row's code would depend on
 * its batch), RK4 and Dormand-Prince. Wall time, images/s, decoder forwards and input-backwards per image, final BCE.
 */
final class EncodingCostCase {

    private EncodingCostCase() {
    }

    static ResultTable run(MlpDecoder decoder, double[][] images, int threads) {
        LiveDecoderSource source = new LiveDecoderSource(decoder, ReconstructionLoss.of(MnistSetup.LOSS));
        ResultTable table = new ResultTable("Encoding " + images.length + " MNIST test images, " + threads
                + " Java threads", "solver", "batch", "seconds", "images_per_s", "forwards_per_image",
                "input_backwards_per_image", "steps_per_image", "converged_fraction", "mean_bce");
        run(table, source, "AMD reference (per batch)", MnistSetup.solver(IntegratorKind.AMD_REFERENCE), 5, images,
                threads);
        run(table, source, "AMD reference (per batch)", MnistSetup.solver(IntegratorKind.AMD_REFERENCE), 16, images,
                threads);
        run(table, source, "AMD per row", MnistSetup.solver(IntegratorKind.AMD_PER_ROW), 128, images, threads);
        run(table, source, "AMD per row, 1 thread", MnistSetup.solver(IntegratorKind.AMD_PER_ROW), 128, images, 1);
        run(table, source, "RK4 1st order, 1001 points", FlowVariantsCase.rk4(FlowOrder.FIRST), 128, images, threads);
        run(table, source, "RK4 2nd order, 1001 points", FlowVariantsCase.rk4(FlowOrder.SECOND), 128, images,
                threads);
        run(table, source, "Dormand-Prince 5(4)", MnistSetup.solver(IntegratorKind.DORMAND_PRINCE), 128,
                Arrays.copyOf(images, Math.min(images.length, 128)), threads);
        return table;
    }

    /**
     * A lab-table-sized model: an ELU MLP 5-64-100 (seeded, untrained) with MSE, encoding {@code count} rows made by
     * decoding random codes plus noise (so good codes exist), per-row AMD with the default settings, 1 and
     * {@code threads} threads.
     */
    static ResultTable labSized(int count, int threads) {
        ResultTable table = new ResultTable("Encoding " + count + " rows of a lab-sized model (MLP 5-64-100 ELU, MSE)",
                "solver", "batch", "seconds", "images_per_s", "forwards_per_image", "input_backwards_per_image",
                "steps_per_image", "converged_fraction", "mean_bce");
        try (MlpDecoder decoder = MlpDecoder.initialise(new DecoderSpec(5, new int[] {64}, Activation.ELU, 100),
                MnistSetup.SEED, DataType.FLOAT32); NDManager manager = DjlRuntime.newManager()) {
            java.util.Random random = new java.util.Random(MnistSetup.SEED);
            double[][] codes = new double[count][5];
            for (double[] code : codes) {
                for (int i = 0; i < code.length; i++) {
                    code[i] = random.nextGaussian();
                }
            }
            double[][] rows = BatchArrays.toRows(decoder.forward(BatchArrays.fromRows(manager, codes,
                    DataType.FLOAT32)));
            for (double[] row : rows) {
                for (int p = 0; p < row.length; p++) {
                    row[p] += 0.05 * random.nextGaussian();
                }
            }
            LiveDecoderSource source = new LiveDecoderSource(decoder, ReconstructionLoss.of(LossKind.MSE));
            SolverSettings perRow = SolverSettings.defaults();
            run(table, source, "AMD per row, 1 thread", perRow, perRow.encodingBatchSize(), rows, 1);
            run(table, source, "AMD per row, " + threads + " threads", perRow, perRow.encodingBatchSize(), rows,
                    threads);
        }
        return table;
    }

    private static void run(ResultTable table, LiveDecoderSource source, String name, SolverSettings solver, int batch,
            double[][] images, int threads) {
        SolverSettings settings = solver.toBuilder().encodingBatchSize(batch).build();
        Validation.EncodingSummary s = Validation.encode(source, settings, images, threads);
        System.out.printf("  %-28s B=%3d  %7.1f s  %7.1f img/s  %6.0f F/img  %6.0f B/img  BCE %.4f%n", name, batch,
                s.seconds(), images.length / s.seconds(), s.forwardsPerRow(), s.backwardsPerRow(), s.meanLoss());
        table.add(name + (images.length < 1000 ? " (" + images.length + " images)" : ""), batch, s.seconds(),
                images.length / s.seconds(), s.forwardsPerRow(), s.backwardsPerRow(), s.stepsPerRow(),
                s.convergedFraction(), s.meanLoss());
    }
}
