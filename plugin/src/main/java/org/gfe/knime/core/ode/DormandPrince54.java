package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * Adaptive Dormand-Prince 5(4) with the standard error control: per row the error norm is the root mean square of
 * (y5 - y4) / (atol + rtol max(|y|, |y_new|)); a step is accepted when every row's norm is at most 1, and the next step
 * is h min(10, max(0.2, 0.9 norm^(-1/5))) with the batch's largest norm. One step size for the batch, so a row's
 * result depends (within the tolerances) on its batch-mates. The first stage of a step reuses the last of the previous
 * accepted one (FSAL).
 */
public final class DormandPrince54 implements Integrator<FirstOrderEquation> {

    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
    /** Fifth-order weights (the last row of A, stage 7 has weight 0). */
    private static final double[] B5 = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0};
    /** Embedded fourth-order weights. */
    private static final double[] B4 = {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200,
        187.0 / 2100, 1.0 / 40};
    private static final int MAX_ATTEMPTS = 1_000_000;

    private final double relativeTolerance;
    private final double absoluteTolerance;

    public DormandPrince54(double relativeTolerance, double absoluteTolerance) {
        if (!(relativeTolerance > 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("Dormand-Prince needs rtol > 0 and atol >= 0, got rtol="
                    + relativeTolerance + ", atol=" + absoluteTolerance + ".");
        }
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    @Override
    public IntegrationResult integrate(FirstOrderEquation equation, NDArray initialState, double endTime,
            StepObserver observer) {
        NDManager parent = initialState.getManager();
        int rows = equation.rowCount();
        int[] allRows = new int[rows];
        Arrays.setAll(allRows, m -> m);
        NDArray y = initialState.duplicate();
        NDArray f;
        long evaluations = 2;
        double h;
        try (NDManager scope = parent.newSubManager()) {
            y.tempAttach(scope);
            f = equation.derivative(BatchArrays.times(rows, 0), y);
            h = initialStep(equation, y, f, endTime);
            f.attach(parent);
        }
        double t = 0;
        int steps = 0;
        int attempts = 0;
        while (t < endTime) {
            if (++attempts > MAX_ATTEMPTS || t + h == t) {
                y.close();
                f.close();
                throw new IllegalStateException("Dormand-Prince step size underflow at t=" + t
                        + ": the flow is too stiff for rtol=" + relativeTolerance + ", atol=" + absoluteTolerance
                        + "; use the AMD or RK4 integrator.");
            }
            h = Math.min(h, endTime - t);
            NDArray yNext;
            NDArray fNext;
            double errorNorm;
            boolean proceed;
            try (NDManager scope = parent.newSubManager()) {
                y.tempAttach(scope);
                f.tempAttach(scope);
                NDArray[] k = new NDArray[7];
                k[0] = f;
                for (int s = 1; s < 7; s++) {
                    NDArray increment = k[0].mul(A[s][0]);
                    for (int j = 1; j < s; j++) {
                        if (A[s][j] != 0) {
                            increment = increment.add(k[j].mul(A[s][j]));
                        }
                    }
                    k[s] = equation.derivative(BatchArrays.times(rows, t + C[s] * h), y.add(increment.mul(h)));
                }
                evaluations += 6;
                NDArray error = k[0].mul(B5[0] - B4[0]);
                for (int s = 1; s < 7; s++) {
                    error = error.add(k[s].mul(B5[s] - B4[s]));
                }
                error = error.mul(h);
                NDArray candidate = y.add(k[0].mul(B5[0]).add(k[2].mul(B5[2])).add(k[3].mul(B5[3]))
                        .add(k[4].mul(B5[4])).add(k[5].mul(B5[5])).mul(h));
                NDArray scale = y.abs().maximum(candidate.abs()).mul(relativeTolerance).add(absoluteTolerance);
                double[] rowNorms = BatchArrays.toVector(error.div(scale).square().mean(new int[] {1}).sqrt());
                errorNorm = 0;
                for (double norm : rowNorms) {
                    errorNorm = Double.isNaN(norm) ? Double.POSITIVE_INFINITY : Math.max(errorNorm, norm);
                }
                if (errorNorm <= 1) {
                    yNext = candidate;
                    fNext = k[6];
                    yNext.attach(parent);
                    fNext.attach(parent);
                } else {
                    yNext = null;
                    fNext = null;
                }
                double reported = errorNorm <= 1 ? t + h : t;
                proceed = observer.onStep(new StepInfo(reported, h, endTime, yNext != null ? yNext : y, allRows, 0,
                        evaluations * rows));
            }
            if (yNext != null) {
                y.close();
                f.close();
                y = yNext;
                f = fNext;
                t += h;
                steps++;
            }
            double factor = errorNorm == 0 ? 10 : Math.min(10, Math.max(0.2, 0.9 * Math.pow(errorNorm, -0.2)));
            if (Double.isInfinite(errorNorm)) {
                factor = 0.2;
            }
            h *= factor;
            if (!proceed) {
                y.close();
                f.close();
                throw new IntegrationCancelledException();
            }
        }
        double[][] finalState = BatchArrays.toRows(y);
        y.close();
        f.close();
        int[] stepCounts = new int[rows];
        Arrays.fill(stepCounts, steps);
        long[] perRow = new long[rows];
        Arrays.fill(perRow, evaluations);
        return new IntegrationResult(finalState, BatchArrays.times(rows, t), stepCounts, perRow, new boolean[rows],
                BatchArrays.times(rows, Double.NaN));
    }

    /** Hairer, Norsett and Wanner's starting step (as torchdiffeq chooses it), limited to the end time. */
    private double initialStep(FirstOrderEquation equation, NDArray y, NDArray f, double endTime) {
        NDArray scale = y.abs().mul(relativeTolerance).add(absoluteTolerance);
        double d0 = rms(y.div(scale));
        double d1 = rms(f.div(scale));
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        NDArray f1 = equation.derivative(BatchArrays.times(equation.rowCount(), h0), y.add(f.mul(h0)));
        double d2 = rms(f1.sub(f).div(scale)) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        return Math.min(Math.min(100 * h0, h1), endTime);
    }

    private static double rms(NDArray array) {
        return Math.sqrt(array.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().mean().getDouble());
    }
}
