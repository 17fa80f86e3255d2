package org.knime.core.node;

/** Double of KNIME's AbstractNodeView: a view of a viewable model. */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {
    private final T m_model;

    protected AbstractNodeView(final T viewModel) {
        this(viewModel, true);
    }

    protected AbstractNodeView(final T viewModel, final boolean register) {
        m_model = viewModel;
    }

    final T viewableModel() {
        return m_model;
    }

    protected abstract void callCloseView();

    protected abstract void callOpenView(String title);

    protected abstract void modelChanged();

    /** Marker of models that can have views. */
    public interface ViewableModel {
    }
}
