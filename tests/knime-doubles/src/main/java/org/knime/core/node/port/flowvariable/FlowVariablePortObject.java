package org.knime.core.node.port.flowvariable;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Double of KNIME's FlowVariablePortObject: carries no data, only the flow variables (not modelled). */
public class FlowVariablePortObject implements PortObject {
    public static final FlowVariablePortObject INSTANCE = new FlowVariablePortObject();

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(FlowVariablePortObject.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(FlowVariablePortObject.class, true);

    private FlowVariablePortObject() {
    }

    @Override
    public PortObjectSpec getSpec() {
        return FlowVariablePortObjectSpec.INSTANCE;
    }

    @Override
    public String getSummary() {
        return "Variables connection";
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof FlowVariablePortObject;
    }

    @Override
    public int hashCode() {
        return FlowVariablePortObject.class.hashCode();
    }

    @Override
    public String toString() {
        return getSummary();
    }

    /** Writes nothing, reads {@link #INSTANCE}. */
    public static final class Serializer extends PortObjectSerializer<FlowVariablePortObject> {
        public Serializer() {
        }

        @Override
        public void savePortObject(final FlowVariablePortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            // nothing to save
        }

        @Override
        public FlowVariablePortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            return INSTANCE;
        }
    }
}
