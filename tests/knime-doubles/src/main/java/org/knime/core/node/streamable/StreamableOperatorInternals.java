package org.knime.core.node.streamable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Double of KNIME's StreamableOperatorInternals: the state an operator hands back (subclasses need a no-arg constructor). */
public abstract class StreamableOperatorInternals {
    public StreamableOperatorInternals() {
        // subclasses must offer a public no-arg constructor too
    }

    public abstract void load(DataInputStream input) throws IOException;

    public abstract void save(DataOutputStream output) throws IOException;
}
