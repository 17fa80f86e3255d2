package org.gfe.knime.core.train;

import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;

/**
 * The "auto" values of a training run, sized to the table: lab tables have tens to thousands of rows and tens to a
 * thousand columns, where the paper's MNIST set-up (decoder 150-300-600, tau = 1e4) would spend minutes on a model
 * with more weights than the table has cells. The rules aim at about a thousand decoder updates whatever the number
 * of rows, and at a correction network a few times wider than the square root of the column count.
 */
public final class DataSizedDefaults {

    /** Decoder updates a run aims at. */
    static final int TARGET_UPDATES = 1000;

    /**
     * Share of a row's squared residual its flow may still explain when it counts as converged: the loss left to gain
     * is then about half this share of the loss (0.05 %), while rows stop after 3 instead of 5 steps (breast cancer,
     * d = 2; held-out error unchanged).
     */
    static final double STATIONARY_SHARE = 1e-3;


    private DataSizedDefaults() {
    }

    /** Two hidden layers of width clip(4 sqrt(P), 32, 128). */
    public static int[] hiddenSizes(int columns) {
        int width = (int) Math.max(32, Math.min(128, Math.round(4 * Math.sqrt(columns))));
        return new int[] {width, width};
    }

    /** An eighth of the training rows, clipped to 8..64 (and never more than the rows). */
    public static int batchSize(int rows) {
        return Math.max(1, Math.min(rows, Math.max(8, Math.min(64, rows / 8))));
    }

    /** Enough epochs for about {@value #TARGET_UPDATES} updates, clipped to 30..300. */
    public static int epochs(int rows, int batchSize) {
        int batchesPerEpoch = Math.max(1, (rows + batchSize - 1) / batchSize);
        return Math.max(30, Math.min(300, (TARGET_UPDATES + batchesPerEpoch - 1) / batchesPerEpoch));
    }

    /** Half the epochs: a run stops once half its budget brought no improvement. */
    public static int patience(int epochs) {
        return Math.max(5, epochs / 2);
    }

    /**
     * Solver settings for z-scored tables of {@code columns} columns with an MSE loss: per-row AMD on the first-order
     * flow with rate alpha = P / 2, which makes the flow the gradient flow of half the squared error summed over the
     * columns; a decoder's linear part then has unit curvature, so one step of size 1 lands on its least-squares code
     * whatever P, and steps up to 1.5 stay stable. Rows start at their linear least-squares code, get at most
     * tau = 50 of flow time, and stop when the slope of their loss is below {@code convergenceTolerance} (in loss
     * units, so the caller scales it to the data), when the part of their residual the decoder can still explain is
     * below 1e-3 of it ({@code ||J^T r||^2 <= 1e-3 ||r||^2}, the stationarity test in these units), or when their step
     * fell below 0.5^14.
     */
    public static SolverSettings tableSolver(int columns, double convergenceTolerance) {
        double endTime = 50;
        return SolverSettings.builder().flowOrder(FlowOrder.FIRST).integrator(IntegratorKind.AMD_PER_ROW)
                .flowRate(columns / 2.0).endTime(endTime).initialStep(1).maximumStep(1.5).shrinkFactor(0.5)
                .giveUpExponent(14).armijoConstant(1e-4).convergenceTolerance(convergenceTolerance)
                .monitoringFraction(1).forcedStep(endTime).initialState(InitialState.LINEAR_PROJECTION)
                .stationarityTolerance(STATIONARY_SHARE * columns).build();
    }

    /**
     * Solver settings for an MLP or convolutional decoder (no linear part to start from) with the MSE loss: the
     * paper's per-row AMD (alpha = 1, steps up to 10) from seeded uniform starts, over tau = 1,000 rather than 1e4
     * (small decoders converge well before; the project's lab tests always used it), plus the stationarity test at
     * the same share as {@link #tableSolver}: with alpha = 1 on the mean squared error, {@code ||f||^2 = (4 / P^2)
     * ||J^T r||^2} and the loss is {@code ||r||^2 / P}, so the share s becomes the tolerance {@code 4 s / P}. On tecator
     * (d = 2, MLP 64-128) it encodes in 18 steps a row where the table solver took 36 (its steps stay at most 1.5 from
     * a start far from the optimum), at the same held-out error.
     */
    public static SolverSettings mlpTableSolver(int columns) {
        return SolverSettings.defaults().toBuilder().endTime(1000)
                .stationarityTolerance(4 * STATIONARY_SHARE / columns).build();
    }
}
