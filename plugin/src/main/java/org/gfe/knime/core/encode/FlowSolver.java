package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.SecondOrderGradientFlow;
import org.gfe.knime.core.ode.AmdIntegrator;
import org.gfe.knime.core.ode.AmdParameters;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.DescentEquation;
import org.gfe.knime.core.ode.DormandPrince54;
import org.gfe.knime.core.ode.Euler;
import org.gfe.knime.core.ode.IntegrationResult;
import org.gfe.knime.core.ode.PerRowAmdIntegrator;
import org.gfe.knime.core.ode.RungeKutta4;
import org.gfe.knime.core.ode.StepObserver;

/**
 * Runs the flow {@link SolverSettings} describe on one batch: builds the equation (first- or second-order flow over
 * the objective) and the integrator, integrates from the given initial codes over [0, tau], and reports codes,
 * losses and costs per row. The batch-level building block of encoding and training.
 *
 * <p>Batch invariance is the caller's choice. An encoder promises that a row's per-row-AMD code does not depend on its
 * batch, so its solver pads every evaluation to a multiple of {@link PerRowAmdIntegrator#BATCH_INVARIANT_ROWS} rows
 * (PyTorch's CPU kernels round a row differently by batch shape). Inside a training batch nobody sees a row's code
 * alone, and the padding would cost 30-40 % more per attempt: training solves without it (same rule per row, results
 * equal within float rounding).
 */
public final class FlowSolver {

    private final SolverSettings settings;
    private final boolean batchInvariant;

    /** A solver whose per-row-AMD codes do not depend on the batch (evaluations padded): for encoding. */
    public FlowSolver(SolverSettings settings) {
        this(settings, true);
    }

    /**
     * @param batchInvariant true to pad per-row AMD's evaluations so that a row's code is bit-identical in any batch
     *     (encoding); false to evaluate exactly the running rows (training batches). Other integrators ignore it.
     */
    public FlowSolver(SolverSettings settings, boolean batchInvariant) {
        this.settings = settings;
        this.batchInvariant = batchInvariant;
    }

    /** Whether per-row AMD pads its evaluations so that a row's code does not depend on its batch. */
    public boolean batchInvariant() {
        return batchInvariant;
    }

    public SolverSettings settings() {
        return settings;
    }

    /** AMD's parameters from the settings. */
    public static AmdParameters amdParameters(SolverSettings settings) {
        return new AmdParameters(settings.initialStep(), settings.maximumStep(), settings.shrinkFactor(),
                settings.giveUpExponent(), settings.armijoConstant(), settings.convergenceTolerance(),
                settings.monitoringFraction(), settings.forcedStep(), settings.stationarityTolerance());
    }

    /** The flow as an equation over the objective's rows. */
    public DescentEquation equation(LatentObjective objective) {
        return settings.flowOrder() == FlowOrder.FIRST ? new GradientFlow(objective, settings.flowRate())
                : new SecondOrderGradientFlow(objective, settings.flowRate());
    }

    /**
     * Integrates the flow for the objective's rows from {@code initialCodes} ({@code [rows, d]}, the type of which
     * sets the precision). The observer sees the solver's state: codes for the first-order flow, {@code [v | m]} for
     * the second-order one.
     *
     * @throws org.gfe.knime.core.ode.IntegrationCancelledException if the observer asked to stop
     */
    public FlowSolution solve(LatentObjective objective, NDArray initialCodes, StepObserver observer) {
        int rows = objective.rowCount();
        int latent = objective.latentDimension();
        DescentEquation equation = equation(objective);
        NDManager manager = initialCodes.getManager();
        boolean firstOrder = settings.flowOrder() == FlowOrder.FIRST;
        IntegrationResult result;
        try (NDManager scope = manager.newSubManager()) {
            NDArray codes = initialCodes.duplicate();
            codes.attach(scope);
            NDArray start = firstOrder ? codes : codes.concat(codes.zerosLike(), 1);
            result = switch (settings.integrator()) {
                case AMD_PER_ROW -> new PerRowAmdIntegrator(amdParameters(settings),
                        batchInvariant ? PerRowAmdIntegrator.BATCH_INVARIANT_ROWS : 1).integrate(equation, start,
                        settings.endTime(), observer);
                case AMD_REFERENCE -> new AmdIntegrator(amdParameters(settings)).integrate(equation, start,
                        settings.endTime(), observer);
                case RK4 -> new RungeKutta4(settings.gridPoints()).integrate(equation, start, settings.endTime(),
                        observer);
                case EULER -> new Euler(settings.gridPoints()).integrate(equation, start, settings.endTime(),
                        observer);
                case DORMAND_PRINCE -> new DormandPrince54(settings.relativeTolerance(),
                        settings.absoluteTolerance()).integrate(equation, start, settings.endTime(), observer);
            };
        }
        double[][] codes = new double[rows][];
        for (int m = 0; m < rows; m++) {
            codes[m] = firstOrder ? result.finalState()[m] : java.util.Arrays.copyOf(result.finalState()[m], latent);
        }
        long[] forwards = result.evaluations().clone();
        long[] backwards = result.evaluations().clone();
        double[] losses;
        boolean amd = settings.integrator() == IntegratorKind.AMD_PER_ROW
                || settings.integrator() == IntegratorKind.AMD_REFERENCE;
        if (firstOrder && amd) {
            losses = result.finalMerit();
        } else {
            try (NDManager scope = manager.newSubManager()) {
                losses = BatchArrays.toVector(objective.rowLosses(
                        BatchArrays.fromRows(scope, codes, initialCodes.getDataType())));
            }
            for (int m = 0; m < rows; m++) {
                forwards[m]++;
            }
        }
        return new FlowSolution(codes, losses, result.steps(), forwards, backwards, result.converged(),
                result.endTimes());
    }
}
