package org.knime.core.node;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;

import javax.swing.Icon;

/** Double of KNIME's NodeView: holds a component; opening and closing call the hooks (no frames, headless). */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {
    public static final Color COLOR_BACKGROUND = new Color(255, 255, 255);

    public static final String PROP_CHANGE_CLOSE = "nodeview_close";

    public static final Icon WARNING_ICON = null;

    private Component m_component;

    private boolean m_open;

    private String m_title = "";

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return viewableModel();
    }

    protected final Component getComponent() {
        return m_component;
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    protected Container getExportComponent() {
        return m_component instanceof Container ? (Container)m_component : null;
    }

    @Override
    protected void callOpenView(final String title) {
        m_title = title;
        m_open = true;
        modelChanged();
        onOpen();
    }

    protected final void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        callOpenView(title);
    }

    @Override
    public final void callCloseView() {
        m_open = false;
        onClose();
    }

    @Deprecated
    public final void closeView() {
        callCloseView();
    }

    protected final boolean isOpen() {
        return m_open;
    }

    public final String getViewTitle() {
        return m_title;
    }

    protected final void setViewTitleSuffix(final String suffix) {
        m_title = m_title + " " + suffix;
    }

    protected final void setShowNODATALabel(final boolean showIt) {
        // no labels in the double
    }

    protected abstract void onClose();

    protected abstract void onOpen();
}
