package org.gfe.knime.core.ode;

/**
 * The AMD step rule's parameters (spec section 4).
 *
 * @param initialStep h0: first step and lower clamp of the step growth
 * @param maximumStep hmax: largest step; also scales the Armijo test
 * @param shrinkFactor rho: step factor after a rejection
 * @param giveUpExponent K: a step is forced once h falls below rho^K
 * @param armijoConstant sigma
 * @param convergenceTolerance gtol: bound on the slope of the last five monitored losses
 * @param monitoringFraction p: losses are monitored once (tau - t)/tau is at most p
 * @param forcedStep hconv: clock advance of a forced step
 * @param stationarityTolerance per-row AMD only (beyond the reference, 0 = off): a row has also converged once
 *        {@code ||f(z)||^2 <= stationarityTolerance * merit(z)}, i.e. its flow has all but stopped relative to its loss
 *        (a row that starts there takes no step)
 */
public record AmdParameters(double initialStep, double maximumStep, double shrinkFactor, int giveUpExponent,
        double armijoConstant, double convergenceTolerance, double monitoringFraction, double forcedStep,
        double stationarityTolerance) {

    /** The reference's parameters, without the stationarity test. */
    public AmdParameters(double initialStep, double maximumStep, double shrinkFactor, int giveUpExponent,
            double armijoConstant, double convergenceTolerance, double monitoringFraction, double forcedStep) {
        this(initialStep, maximumStep, shrinkFactor, giveUpExponent, armijoConstant, convergenceTolerance,
                monitoringFraction, forcedStep, 0);
    }

    /** The reference's MNIST configuration. */
    public static AmdParameters reference() {
        return new AmdParameters(1, 10, 0.5, 20, 1e-5, 1e-5, 0.98, 10);
    }

    /** Whether a row with squared derivative norm {@code squaredNorm} and merit {@code merit} has stopped moving. */
    public boolean stationary(double squaredNorm, double merit) {
        return stationarityTolerance > 0 && squaredNorm <= stationarityTolerance * merit;
    }

    /** rho^K: below this step the rule gives up and forces a step. */
    public double giveUpStep() {
        return Math.pow(shrinkFactor, giveUpExponent);
    }

    /** The step after an accepted step h that started at t_old: min(max(h0, 1.1 h), hmax, tau - t_old). */
    public double grownStep(double acceptedStep, double startOfStep, double endTime) {
        return Math.min(Math.min(Math.max(initialStep, acceptedStep * 1.1), maximumStep), endTime - startOfStep);
    }

    /** Whether the clock t lies in the monitored tail: (tau - t)/tau <= p. */
    public boolean monitors(double time, double endTime) {
        return (endTime - time) / endTime <= monitoringFraction;
    }

    /** The Armijo bound sigma h hmax ||f(z1)||^2 a decrease l0 - l1 must reach. */
    public double armijoFactor(double step) {
        return armijoConstant * step * maximumStep;
    }
}
