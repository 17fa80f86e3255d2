package org.gfe.knime.node.port;

import java.util.Locale;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.node.settings.GfeChoices;

/**
 * Solver settings described for people, with the dialog's labels and only the parameters the chosen integrator uses
 * (the AMD step control for AMD, the grid for Euler and Runge-Kutta 4, the tolerances for Dormand-Prince).
 */
public final class SolverSummary {

    private SolverSummary() {
    }

    /** One line: integrator, flow, tau and alpha. */
    public static String line(SolverSettings s) {
        return GfeChoices.INTEGRATOR.label(s.integrator()) + "; " + GfeChoices.FLOW_ORDER.label(s.flowOrder())
                + "; tau = " + number(s.endTime()) + ", alpha = " + number(s.flowRate());
    }

    /** One fact per line. */
    public static String of(SolverSettings s) {
        StringBuilder text = new StringBuilder();
        text.append("Flow: ").append(GfeChoices.FLOW_ORDER.label(s.flowOrder()));
        text.append("\nIntegrator: ").append(GfeChoices.INTEGRATOR.label(s.integrator()));
        text.append("\nEnd time tau = ").append(number(s.endTime())).append(", flow rate alpha = ")
                .append(number(s.flowRate()));
        switch (s.integrator()) {
            case AMD_PER_ROW, AMD_REFERENCE -> text.append("\nAdaptive steps: h0 = ").append(number(s.initialStep()))
                    .append(", hmax = ").append(number(s.maximumStep())).append(", rho = ")
                    .append(number(s.shrinkFactor())).append(", K = ").append(s.giveUpExponent())
                    .append(", sigma = ").append(number(s.armijoConstant())).append(", gtol = ")
                    .append(number(s.convergenceTolerance())).append(", p = ")
                    .append(number(s.monitoringFraction())).append(", hconv = ").append(number(s.forcedStep()));
            case RK4, EULER -> text.append("\nGrid points: ").append(s.gridPoints());
            case DORMAND_PRINCE -> text.append("\nTolerances: rtol = ").append(number(s.relativeTolerance()))
                    .append(", atol = ").append(number(s.absoluteTolerance()));
            default -> throw new IllegalStateException("Unknown integrator " + s.integrator());
        }
        text.append("\nStart of the flow: ").append(GfeChoices.INITIAL_STATE.label(s.initialState()));
        if (s.initialState() == InitialState.SEEDED_UNIFORM) {
            text.append(", seed ").append(s.seed());
        }
        text.append("\nRows per solver batch: ").append(s.encodingBatchSize());
        return text.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
    }
}
