package org.gfe.knime.node.port;

import java.util.Objects;
import org.gfe.knime.core.encode.SolverSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Spec of the GFE solver settings port. The settings need no data, so the spec carries all of them: a node
 * downstream can check its combination with the solver (e.g. the full adjoint needs one clock per batch) in
 * configure().
 */
public final class SolverSettingsPortObjectSpec extends AbstractSimplePortObjectSpec {

    private SolverSettings settings = SolverSettings.defaults();

    /** The serializer's constructor; the content comes from {@link #load}. */
    public SolverSettingsPortObjectSpec() {
    }

    public SolverSettingsPortObjectSpec(SolverSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public SolverSettings settings() {
        return settings;
    }

    @Override
    protected void save(ModelContentWO model) {
        SolverSettingsBytes.save(settings, model);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        settings = SolverSettingsBytes.load(model);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SolverSettingsPortObjectSpec that && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "GFE solver: " + SolverSummary.line(settings);
    }

    /** KNIME's serializer of this spec (registered in plugin.xml). */
    public static final class Serializer
            extends AbstractSimplePortObjectSpecSerializer<SolverSettingsPortObjectSpec> {
    }
}
