package org.gfe.knime.bench;

import java.util.Arrays;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.ReconstructionLoss;

/**
 * The decoder calls and wall time of AMD encodes of MNIST rows with the untrained 20-150-300-600-784 ELU decoder
 * (issue #3's figures): one reference-faithful encode of 16 rows forced to the unconverged 1016-step schedule (gtol = 0),
 * against the reference's 3049 forwards + 1017 input-backwards; the same with the default gtol; and a per-row encode
 * of 512 rows (4 batches of 128, 2 threads).
 */
final class AmdCostCase {

    private AmdCostCase() {
    }

    static ResultTable run(double[][] images) {
        ResultTable table = new ResultTable("AMD encodes of MNIST test images, untrained MNIST decoder (seed 2020)",
                "encode", "rows", "seconds", "forwards_per_row", "input_backwards_per_row", "steps_per_row",
                "converged_fraction", "mean_bce");
        try (MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED,
                ai.djl.ndarray.types.DataType.FLOAT32)) {
            LiveDecoderSource source = new LiveDecoderSource(decoder, ReconstructionLoss.of(MnistSetup.LOSS));
            SolverSettings reference = MnistSetup.solver(IntegratorKind.AMD_REFERENCE).toBuilder()
                    .encodingBatchSize(16).build();
            run(table, source, "AMD reference, gtol = 0 (reference: 1016 steps, 3049 F + 1017 B)",
                    reference.toBuilder().convergenceTolerance(0).build(), Arrays.copyOf(images, 16), 1);
            run(table, source, "AMD reference, gtol = 1e-5", reference, Arrays.copyOf(images, 16), 1);
            SolverSettings perRow = MnistSetup.solver(IntegratorKind.AMD_PER_ROW);
            run(table, source, "AMD per row, 4 x 128 rows, 2 threads", perRow, Arrays.copyOf(images, 512), 2);
            run(table, source, "AMD per row, gtol = 0, 4 x 128 rows, 2 threads",
                    perRow.toBuilder().convergenceTolerance(0).build(), Arrays.copyOf(images, 512), 2);
        }
        return table;
    }

    private static void run(ResultTable table, LiveDecoderSource source, String name, SolverSettings solver,
            double[][] rows, int threads) {
        Validation.EncodingSummary s = Validation.encode(source, solver, rows, threads);
        System.out.printf("  %-55s %4d rows %7.2f s  %7.1f F/row  %7.1f B/row  %7.1f steps  BCE %.4f%n", name,
                rows.length, s.seconds(), s.forwardsPerRow(), s.backwardsPerRow(), s.stepsPerRow(), s.meanLoss());
        table.add(name, rows.length, s.seconds(), s.forwardsPerRow(), s.backwardsPerRow(), s.stepsPerRow(),
                s.convergedFraction(), s.meanLoss());
    }
}
