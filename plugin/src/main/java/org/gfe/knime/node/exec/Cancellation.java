package org.gfe.knime.node.exec;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Asks KNIME whether the user cancelled, as a yes/no answer for the core's listeners (which return booleans). */
public final class Cancellation {

    private Cancellation() {
    }

    /** True if the user asked to cancel the node. */
    public static boolean requested(ExecutionMonitor exec) {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
