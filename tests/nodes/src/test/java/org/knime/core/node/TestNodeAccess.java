package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Test-only shim in KNIME's package (lives in tests/nodes, never shipped): gives the harness the access KNIME's
 * framework has to the protected life cycle of node models, factories and dialogs, and to the package-private
 * parts of the test doubles (recorded warnings, flow variables, execution contexts).
 */
public final class TestNodeAccess {
    private TestNodeAccess() {
    }

    // ---- node model life cycle ----

    public static void saveSettingsTo(final NodeModel model, final NodeSettingsWO settings) {
        model.saveSettingsTo(settings);
    }

    public static void validateSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    public static void loadValidatedSettingsFrom(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.loadValidatedSettingsFrom(settings);
    }

    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec[] inSpecs)
        throws InvalidSettingsException {
        return model.configure(inSpecs);
    }

    public static PortObject[] execute(final NodeModel model, final PortObject[] inData, final ExecutionContext exec)
        throws Exception {
        return model.execute(inData, exec);
    }

    public static void saveInternals(final NodeModel model, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        model.saveInternals(dir, exec);
    }

    public static void loadInternals(final NodeModel model, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        model.loadInternals(dir, exec);
    }

    public static void reset(final NodeModel model) {
        model.reset();
    }

    public static void dispose(final NodeModel model) {
        model.onDispose();
    }

    public static PortType[] inPortTypes(final NodeModel model) {
        final PortType[] out = new PortType[model.getNrInPorts()];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.getInPortType(i);
        }
        return out;
    }

    public static PortType[] outPortTypes(final NodeModel model) {
        final PortType[] out = new PortType[model.getNrOutPorts()];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.getOutPortType(i);
        }
        return out;
    }

    // ---- what the framework shows or passes on ----

    public static String warning(final NodeModel model) {
        return model.getWarningMessage();
    }

    /** Every non-null warning set since the model was created. */
    public static List<String> warningHistory(final NodeModel model) {
        return model.warningHistory();
    }

    public static void clearWarning(final NodeModel model) {
        model.setWarningMessage(null);
    }

    public static Map<String, FlowVariable> pushedFlowVariables(final NodeModel model) {
        return model.pushedFlowVariables();
    }

    public static void clearPushedFlowVariables(final NodeModel model) {
        model.clearPushedFlowVariables();
    }

    public static void setInputFlowVariables(final NodeModel model, final Map<String, FlowVariable> variables) {
        model.setInputFlowVariables(variables);
    }

    // ---- factories and dialogs ----

    public static int nrNodeViews(final NodeFactory<?> factory) {
        return factory.getNrNodeViews();
    }

    public static boolean hasDialog(final NodeFactory<?> factory) {
        return factory.hasDialog();
    }

    public static NodeDialogPane createNodeDialogPane(final NodeFactory<?> factory) {
        return factory.createNodeDialogPane();
    }

    /** Why the node description XML could not be read, or null. */
    public static String descriptionProblem(final NodeFactory<?> factory) {
        return factory.descriptionProblem();
    }

    public static void loadDialogSettings(final NodeDialogPane pane, final NodeSettingsRO settings,
        final PortObjectSpec[] specs) throws NotConfigurableException {
        pane.loadSettingsFrom(settings, specs);
    }

    public static void setDialogFlowVariables(final NodeDialogPane pane, final Map<String, FlowVariable> vars) {
        pane.setAvailableFlowVariables(vars);
    }

    // ---- views ----

    /** Opens a node view as KNIME does when the user opens it (the double calls modelChanged, then onOpen). */
    public static void openView(final NodeView<?> view, final String title) {
        view.callOpenView(title);
    }

    /** The component a node view shows. */
    public static java.awt.Component viewComponent(final NodeView<?> view) {
        return view.getComponent();
    }

    /** Tells a view its model changed, as KNIME does after execute and reset. */
    public static void viewModelChanged(final NodeView<?> view) {
        view.modelChanged();
    }

    public static NodeView<?> createNodeView(final NodeFactory<? extends NodeModel> factory, final int index,
        final NodeModel model) {
        return createView(factory, index, model);
    }

    @SuppressWarnings("unchecked")
    private static <M extends NodeModel> NodeView<M> createView(final NodeFactory<M> factory, final int index,
        final NodeModel model) {
        return factory.createNodeView(index, (M)model);
    }

    // ---- execution ----

    /**
     * An execution context whose {@code checkCanceled()} throws when {@code canceled} says so and which reports
     * every progress change (overall fraction, current message) to {@code progress}.
     */
    public static ExecutionContext newExecutionContext(final BooleanSupplier canceled,
        final BiConsumer<Double, String> progress) {
        return new ExecutionContext(new ProgressNode.Root(canceled, progress));
    }
}
