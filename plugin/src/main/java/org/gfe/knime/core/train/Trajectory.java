package org.gfe.knime.core.train;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.StepObserver;

/**
 * The states a batch solver passed through, at increasing times, kept on the Java heap (a few numbers per row and
 * step) so that native memory stays flat. Record it with {@link #observer()} on a solver with one clock for the
 * batch; steps that did not advance the clock (AMD rejections) replace nothing and are skipped.
 */
public final class Trajectory {

    private final List<Double> times = new ArrayList<>();
    private final List<double[][]> states = new ArrayList<>();

    public Trajectory(double[][] initialState) {
        times.add(0.0);
        states.add(initialState);
    }

    /** An observer that records every step that advanced the clock. */
    public StepObserver observer() {
        return info -> {
            double last = times.get(times.size() - 1);
            if (info.time() > last) {
                times.add(info.time());
                states.add(BatchArrays.toRows(info.state()));
            }
            return true;
        };
    }

    /** Number of recorded points. */
    public int size() {
        return times.size();
    }

    public double time(int k) {
        return times.get(k);
    }

    public double[][] state(int k) {
        return states.get(k);
    }
}
