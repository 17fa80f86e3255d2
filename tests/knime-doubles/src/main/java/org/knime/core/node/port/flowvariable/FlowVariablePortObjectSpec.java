package org.knime.core.node.port.flowvariable;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;

/** Double of KNIME's FlowVariablePortObjectSpec. */
public final class FlowVariablePortObjectSpec implements PortObjectSpec {
    public static final FlowVariablePortObjectSpec INSTANCE = new FlowVariablePortObjectSpec();

    private FlowVariablePortObjectSpec() {
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return "Variables connection";
    }

    /** Writes nothing, reads {@link #INSTANCE}. */
    public static final class Serializer extends PortObjectSpecSerializer<FlowVariablePortObjectSpec> {
        public Serializer() {
        }

        @Override
        public void savePortObjectSpec(final FlowVariablePortObjectSpec spec, final PortObjectSpecZipOutputStream out) {
            // nothing to save
        }

        @Override
        public FlowVariablePortObjectSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) {
            return INSTANCE;
        }
    }
}
