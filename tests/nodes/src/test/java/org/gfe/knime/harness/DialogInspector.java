package org.gfe.knime.harness;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.ListCellRenderer;
import javax.swing.border.Border;
import javax.swing.border.CompoundBorder;
import javax.swing.border.TitledBorder;

import org.gfe.knime.node.settings.DialogComponentChoice;
import org.gfe.knime.node.settings.GfeSettingsPane;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.TestNodeAccess;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/**
 * A node's dialog opened as KNIME opens it, and what a user sees in it: every text of its Swing tree (labels, button
 * texts, group titles, tab titles, tooltips, each drop-down item as its renderer shows it), its labelled choices
 * ({@link DialogComponentChoice}), and its settings models by key (to check which options are enabled).
 */
public final class DialogInspector {
    private final NodeDialogPane m_pane;

    private DialogInspector(final NodeDialogPane pane) {
        m_pane = pane;
    }

    /** Creates the factory's dialog and loads the settings with the input specs (null for absent optional ports). */
    public static DialogInspector open(final NodeFactory<? extends NodeModel> factory, final NodeSettings settings,
        final PortObjectSpec... specs) throws Exception {
        final NodeDialogPane pane = TestNodeAccess.createNodeDialogPane(factory);
        TestNodeAccess.setDialogFlowVariables(pane, Map.<String, FlowVariable>of());
        TestNodeAccess.loadDialogSettings(pane, settings, specs.clone());
        return new DialogInspector(pane);
    }

    /** Opens the dialog of a node with default settings, given one spec per input port (null if absent). */
    public static DialogInspector openWithDefaults(final NodeFactory<? extends NodeModel> factory,
        final PortObjectSpec... specs) throws Exception {
        return open(factory, NodeHarness.of(factory).settings(), specs);
    }

    public NodeDialogPane pane() {
        return m_pane;
    }

    /** Whether the settings model saved under {@code key} is enabled (its components follow it). */
    public boolean isEnabled(final String key) {
        return ((GfeSettingsPane)m_pane).settingsModel(key).isEnabled();
    }

    /** The labelled choice with this label. */
    public DialogComponentChoice<?> choice(final String label) {
        for (DialogComponentChoice<?> c : choices()) {
            if (c.labelText().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no choice labelled '" + label + "'; there are " + choices().stream()
            .map(DialogComponentChoice::labelText).toList());
    }

    /** Selects the constant named {@code name} in the drop-down labelled {@code label}, as a user's click does. */
    public DialogInspector select(final String label, final String name) {
        final JComboBox<?> box = choice(label).comboBox();
        for (int i = 0; i < box.getItemCount(); i++) {
            if (((Enum<?>)box.getItemAt(i)).name().equals(name)) {
                box.setSelectedIndex(i);
                return this;
            }
        }
        throw new AssertionError("'" + label + "' offers no " + name);
    }

    /** Every labelled choice of the dialog, in tab order. */
    public List<DialogComponentChoice<?>> choices() {
        final List<DialogComponentChoice<?>> out = new ArrayList<>();
        walk(m_pane.getPanel(), c -> {
            if (c instanceof JComponent j && j.getClientProperty(DialogComponentChoice.class) != null) {
                out.add((DialogComponentChoice<?>)j.getClientProperty(DialogComponentChoice.class));
            }
        });
        return out;
    }

    /** Every text the dialog shows. */
    public List<String> texts() {
        final List<String> out = new ArrayList<>();
        walk(m_pane.getPanel(), c -> {
            if (c instanceof JLabel l) {
                add(out, l.getText());
            }
            if (c instanceof AbstractButton b) {
                add(out, b.getText());
            }
            if (c instanceof JComponent j) {
                add(out, j.getToolTipText());
                addBorderTitles(out, j.getBorder());
            }
            if (c instanceof JTabbedPane t) {
                for (int i = 0; i < t.getTabCount(); i++) {
                    add(out, t.getTitleAt(i));
                }
            }
            if (c instanceof JComboBox<?> box) {
                addItems(out, box);
            }
        });
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addItems(final List<String> out, final JComboBox<?> box) {
        final ListCellRenderer renderer = box.getRenderer();
        final JList list = new JList();
        for (int i = 0; i < box.getItemCount(); i++) {
            final Component shown = renderer.getListCellRendererComponent(list, box.getItemAt(i), i, false, false);
            if (shown instanceof JLabel l) {
                add(out, l.getText());
                add(out, l.getToolTipText());
            } else {
                add(out, String.valueOf(box.getItemAt(i)));
            }
        }
    }

    private static void addBorderTitles(final List<String> out, final Border border) {
        if (border instanceof TitledBorder t) {
            add(out, t.getTitle());
        } else if (border instanceof CompoundBorder c) {
            addBorderTitles(out, c.getOutsideBorder());
            addBorderTitles(out, c.getInsideBorder());
        }
    }

    private static void add(final List<String> out, final String text) {
        if (text != null && !text.isBlank()) {
            out.add(text);
        }
    }

    private static void walk(final Component c, final java.util.function.Consumer<Component> visit) {
        visit.accept(c);
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                walk(child, visit);
            }
        }
    }
}
