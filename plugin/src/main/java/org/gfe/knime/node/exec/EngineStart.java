package org.gfe.knime.node.exec;

import org.gfe.knime.core.engine.DjlRuntime;
import org.knime.core.node.ExecutionMonitor;

/**
 * Starts PyTorch before a node computes, so that the first GFE node in a KNIME installation tells the user why it
 * takes a while: its progress message says that PyTorch's native libraries are being extracted (about 450 MB, once,
 * to DJL's cache; see {@link DjlRuntime}). Later starts are instant and say nothing.
 */
public final class EngineStart {

    private EngineStart() {
    }

    /** Starts the engine if it is not running, showing the start's message (if any) as the node's message. */
    public static void start(ExecutionMonitor exec) {
        if (!DjlRuntime.isStarted()) {
            DjlRuntime.engine(message -> exec.setMessage(message));
        }
    }
}
