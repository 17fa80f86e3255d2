package org.gfe.knime.core.ode;

/**
 * AMD's convergence measure: the mean of {@code numpy.gradient} over the last five monitored losses a..e, which is
 * what the reference tests against gtol. numpy.gradient with unit spacing gives one-sided differences at the ends and
 * central ones inside, [b-a, (c-a)/2, (d-b)/2, (e-c)/2, e-d]; their mean is 0.3 (e - a) + 0.1 (b - d).
 */
public final class LossSlope {

    /** Losses the measure looks at. */
    public static final int WINDOW = 5;

    private LossSlope() {
    }

    /** The mean of numpy.gradient of the five values, computed the way numpy and torch do. */
    public static double meanGradient(double a, double b, double c, double d, double e) {
        double[] gradient = {b - a, (c - a) / 2.0, (d - b) / 2.0, (e - c) / 2.0, e - d};
        double sum = 0;
        for (double g : gradient) {
            sum += g;
        }
        return sum / WINDOW;
    }

    /** Whether the last five values of a history (oldest first, ring of size 5 or more) have converged. */
    public static boolean converged(double[] lastFive, double tolerance) {
        return Math.abs(meanGradient(lastFive[0], lastFive[1], lastFive[2], lastFive[3], lastFive[4])) < tolerance;
    }
}
