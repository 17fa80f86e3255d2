package org.gfe.knime.node.solver;

import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.node.settings.Choices;
import org.gfe.knime.node.settings.GfeSettingsPane;

/** Dialog of the Solver Settings node: the flow and solver, AMD's step control, fixed-step and tolerance options. */
final class SolverSettingsNodeDialog extends GfeSettingsPane {

    SolverSettingsNodeDialog() {
        this(new SolverSettingsModels());
    }

    private SolverSettingsNodeDialog(SolverSettingsModels m) {
        super(m.versioned);
        setDefaultTabTitle("Flow and solver");
        choice(m.flowOrder, "Flow order", Choices.names(FlowOrder.class));
        choice(m.integrator, "Integrator", Choices.names(IntegratorKind.class));
        number(m.endTime, "End time tau");
        number(m.flowRate, "Flow rate alpha");
        choice(m.initialState, "Initial state z0", Choices.names(InitialState.class));
        integer(m.seed, "Seed of the initial state", 1);
        integer(m.rowsPerBatch, "Rows per solver batch", 16);

        createNewTab("Adaptive steps (AMD)");
        number(m.initialStep, "Initial step h0");
        number(m.maximumStep, "Maximum step hmax");
        number(m.shrinkFactor, "Shrink factor rho");
        integer(m.giveUpExponent, "Give-up exponent K", 1);
        number(m.armijoConstant, "Armijo constant sigma");
        number(m.convergenceTolerance, "Convergence tolerance gtol");
        number(m.monitoringFraction, "Monitoring fraction p");
        number(m.forcedStep, "Forced step hconv");

        createNewTab("Fixed steps and tolerances");
        integer(m.gridPoints, "Grid points (Euler, RK4)", 100);
        number(m.relativeTolerance, "Relative tolerance rtol (Dormand-Prince)");
        number(m.absoluteTolerance, "Absolute tolerance atol (Dormand-Prince)");
    }
}
