package org.knime.core.node;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;

import javax.swing.Icon;

import org.knime.core.node.message.Message;

/**
 * Double of KNIME's NodeView: holds a component; opening and closing call the hooks (no frames, headless). An open
 * view listens to its model's warning, as KNIME's shows it in a label.
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {
    public static final Color COLOR_BACKGROUND = new Color(255, 255, 255);

    public static final String PROP_CHANGE_CLOSE = "nodeview_close";

    public static final Icon WARNING_ICON = null;

    private Component m_component;

    private boolean m_open;

    private String m_title = "";

    private String m_warningText;

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
        viewableModel().addWarningListener(this);
        warningChanged(viewableModel().getWarning());
        modelChanged();
        onOpen();
    }

    protected final void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        callOpenView(title);
    }

    @Override
    public final void callCloseView() {
        m_open = false;
        viewableModel().removeWarningListener(this);
        onClose();
    }

    /** Shows the summary of the model's warning (blank: none). */
    @Override
    public void warningChanged(final Message message) {
        final String warning = Message.getSummaryFrom(message);
        m_warningText = warning == null || warning.isBlank() ? null : warning.trim();
    }

    /** The warning the view shows, or null (for tests). */
    String warningText() {
        return m_warningText;
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
