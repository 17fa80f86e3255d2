package org.gfe.knime.node.solver;

import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.GfeSettingsPane;

/**
 * Dialog of the Solver Settings node. The first tab holds what a newcomer chooses (flow, integrator, how long and
 * how fast the flow runs); the advanced tab groups each integrator's own parameters, enabled only while that
 * integrator is chosen (see {@link SolverSettingsModels}).
 */
final class SolverSettingsNodeDialog extends GfeSettingsPane {

    static final String SOLVER_TAB = "Solver";
    static final String ADVANCED_TAB = "Advanced";

    SolverSettingsNodeDialog() {
        this(new SolverSettingsModels());
    }

    private SolverSettingsNodeDialog(SolverSettingsModels m) {
        super(m.versioned);
        setDefaultTabTitle(SOLVER_TAB);
        choice(m.flowOrder, "Flow", GfeChoices.FLOW_ORDER);
        choice(m.integrator, "Integrator", GfeChoices.INTEGRATOR);
        number(m.endTime, "End time tau").setToolTipText("The flow runs from time 0 to tau.");
        number(m.flowRate, "Flow rate alpha").setToolTipText("The gradient is multiplied by alpha.");

        createNewTab(ADVANCED_TAB);
        createNewGroup("Start of the flow and batches");
        choice(m.initialState, "Start of the flow z0", GfeChoices.INITIAL_STATE);
        integer(m.seed, "Seed of the start", 1).setToolTipText("Only for the seeded random start.");
        integer(m.rowsPerBatch, "Rows per solver batch", 16);

        createNewGroup("Adaptive steps (AMD integrators only)");
        number(m.initialStep, "Initial step h0");
        number(m.maximumStep, "Maximum step hmax");
        number(m.shrinkFactor, "Shrink factor rho");
        integer(m.giveUpExponent, "Give-up exponent K", 1);
        number(m.armijoConstant, "Armijo constant sigma");
        number(m.convergenceTolerance, "Convergence tolerance gtol");
        number(m.monitoringFraction, "Monitoring fraction p");
        number(m.forcedStep, "Forced step hconv");

        createNewGroup("Fixed steps (Euler and Runge-Kutta 4 only)");
        integer(m.gridPoints, "Grid points", 100);

        createNewGroup("Error control (Dormand-Prince only)");
        number(m.relativeTolerance, "Relative tolerance rtol");
        number(m.absoluteTolerance, "Absolute tolerance atol");
        closeCurrentGroup();
    }
}
