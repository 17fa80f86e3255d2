package org.knime.core.node;

import java.net.URL;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.w3c.dom.Element;

/**
 * Double of KNIME's NodeFactory: creates the model, views and dialog of a node, and reads the node description
 * {@code <FactoryClass>.xml} from next to the factory class (at construction unless lazily initialized).
 */
public abstract class NodeFactory<T extends NodeModel> {
    private final boolean m_lazy;

    private volatile XmlNodeDescription m_description;

    protected NodeFactory() {
        this(false);
    }

    protected NodeFactory(final boolean lazyInitialization) {
        m_lazy = lazyInitialization;
        if (!lazyInitialization) {
            init();
        }
    }

    /** Reads the node description. */
    public void init() {
        m_description = new XmlNodeDescription(getClass());
    }

    private XmlNodeDescription description() {
        if (m_description == null) {
            init();
        }
        return m_description;
    }

    /** Why the description could not be read, or null (for the harness). */
    final String descriptionProblem() {
        return description().problem();
    }

    public final boolean isLazilyInitialized() {
        return m_lazy;
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    public AbstractNodeView<T> createAbstractNodeView(final int viewIndex, final T nodeModel) {
        return createNodeView(viewIndex, nodeModel);
    }

    public final String getFactoryId() {
        return getClass().getName();
    }

    public final String getNodeName() {
        return description().getNodeName();
    }

    public String getInportName(final int index) {
        return description().getInportName(index);
    }

    public final String getInportDescription(final int index) {
        return description().getInportDescription(index);
    }

    public String getOutportName(final int index) {
        return description().getOutportName(index);
    }

    public final String getOutportDescription(final int index) {
        return description().getOutportDescription(index);
    }

    public String getInteractiveViewName() {
        return description().getInteractiveViewName();
    }

    protected final String getNodeViewName(final int index) {
        return description().getViewName(index);
    }

    protected final String getViewDescription(final int index) {
        return description().getViewDescription(index);
    }

    public final String[] getKeywords() {
        return description().keywords();
    }

    public NodeType getType() {
        return description().getType();
    }

    public final boolean isDeprecated() {
        return description().deprecated();
    }

    public Element getXMLDescription() {
        return description().getXMLDescription();
    }

    /** The icon named in the description, resolved next to the factory class, or null. */
    public URL getIcon() {
        final String path = description().getIconPath();
        return path == null ? null : getClass().getResource(path);
    }

    /** The double has no default icon. */
    public static URL getDefaultIcon() {
        return null;
    }

    public void loadAdditionalFactorySettings(final ConfigRO config) throws InvalidSettingsException {
    }

    public void saveAdditionalFactorySettings(final ConfigWO config) {
    }

    /** The node types of KNIME, in KNIME's order. */
    public enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, @Deprecated QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut,
        Container
    }
}
