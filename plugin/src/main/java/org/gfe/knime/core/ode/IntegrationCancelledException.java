package org.gfe.knime.core.ode;

/** Thrown by an integrator when its {@link StepObserver} asked it to stop. */
public class IntegrationCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntegrationCancelledException() {
        super("The integration was cancelled.");
    }
}
