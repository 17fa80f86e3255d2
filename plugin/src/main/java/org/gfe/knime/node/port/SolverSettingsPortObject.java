package org.gfe.knime.node.port;

import javax.swing.JComponent;
import org.gfe.knime.core.encode.SolverSettings;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** The GFE solver settings port: how rows are encoded (flow, integrator and its parameters). */
public final class SolverSettingsPortObject extends AbstractSimplePortObject {

    /** The port type (registered in plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SolverSettingsPortObject.class);

    /** The optional port type: nodes fall back to their own default when it is not connected. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(SolverSettingsPortObject.class, true);

    private SolverSettingsPortObjectSpec spec = new SolverSettingsPortObjectSpec();

    /** The serializer's constructor; the content comes from {@link #load}. */
    public SolverSettingsPortObject() {
    }

    public SolverSettingsPortObject(SolverSettingsPortObjectSpec spec) {
        this.spec = spec;
    }

    public SolverSettings settings() {
        return spec.settings();
    }

    @Override
    public SolverSettingsPortObjectSpec getSpec() {
        return spec;
    }

    @Override
    public String getSummary() {
        return "GFE solver: " + SolverSummary.line(spec.settings());
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {TextView.of("GFE solver settings", SolverSummary.of(spec.settings()))};
    }

    @Override
    protected void save(ModelContentWO model, ExecutionMonitor exec) {
        SolverSettingsBytes.save(spec.settings(), model);
    }

    @Override
    protected void load(ModelContentRO model, PortObjectSpec portSpec, ExecutionMonitor exec)
            throws InvalidSettingsException {
        spec = new SolverSettingsPortObjectSpec(SolverSettingsBytes.load(model));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SolverSettingsPortObject that && spec.equals(that.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    /** KNIME's serializer of this port object (registered in plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<SolverSettingsPortObject> {
    }
}
