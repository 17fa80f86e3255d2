package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NodeID;

/**
 * The Learner's dialog as KNIME builds it (KNIME's own dialog components, headless): a new node sizes the decoder and
 * the training to the data, so their fields are disabled and a line says so; unticking 'auto' enables them and the
 * line changes; the settings the dialog applies say so. Each tab is drawn into a PNG for a person to look at.
 */
public final class Dialogs {

    static final String AUTO = "Size the decoder and the training to the data (auto)";

    private Dialogs() {
    }

    public static String learnerDialog() throws Exception {
        try (Wf wf = Wf.create("learner-dialog")) {
            NodeID source = wf.tecator(0, 40);
            NodeID learner = wf.add(Wf.LEARNER);
            wf.connect(source, 1, learner, 1);
            NodeDialogPane pane = wf.node(learner).getDialogPaneWithSettings();
            JPanel panel = pane.getPanel();
            List<String> pictures = new ArrayList<>();
            onEdt(() -> pictures.addAll(drawTabs(panel, "learner-dialog")));

            AbstractButton auto = (AbstractButton)find(panel, c -> c instanceof AbstractButton b
                    && AUTO.equals(b.getText()));
            assertTrue(auto.isSelected(), "a new node sizes to the data");
            JTextComponent hidden = field(panel, "Hidden layer sizes, latent side first");
            assertFalse(hidden.isEnabled(), "the hidden sizes are sized to the data");
            assertTrue(texts(panel).contains("Sized to the data (auto is on)."), texts(panel).toString());
            onEdt(auto::doClick);
            assertFalse(auto.isSelected());
            assertTrue(hidden.isEnabled(), "auto off: the hidden sizes apply");
            assertTrue(texts(panel).contains("Set here (auto is off)."), texts(panel).toString());
            onEdt(() -> pictures.addAll(drawTabs(panel, "learner-dialog-auto-off")));

            NodeSettings applied = wf.node(learner).applySettingsFromDialog();
            NodeSettings model = (NodeSettings)applied.getNodeSettings("model");
            assertFalse(model.getBoolean("auto_size"));
            assertEquals(3, model.getInt("gfe_settings_version"));
            assertEquals("LINEAR_PLUS_MLP", model.getString("decoder"));
            return "drew " + String.join(", ", pictures);
        }
    }

    private static JTextComponent field(Container panel, String label) {
        // a DialogComponentString: its label and its text field share a panel
        JLabel shown = (JLabel)find(panel, c -> c instanceof JLabel l && label.equals(l.getText().trim()));
        Component field = find(shown.getParent(), c -> c instanceof JTextComponent);
        assertNotNull(field, "no field next to " + label);
        return (JTextComponent)field;
    }

    private static Component find(Component root, Predicate<Component> test) {
        if (test.test(root)) {
            return root;
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                Component found = find(child, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> texts(Component root) {
        List<String> out = new ArrayList<>();
        walk(root, c -> {
            if (c instanceof JLabel l && l.getText() != null) {
                out.add(l.getText().trim());
            }
        });
        return out;
    }

    private static void walk(Component root, java.util.function.Consumer<Component> visit) {
        visit.accept(root);
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                walk(child, visit);
            }
        }
    }

    /** Each tab of the dialog drawn into target/knime-work/&lt;jvm&gt;/workflows/&lt;name&gt;-&lt;tab&gt;.png. */
    private static List<String> drawTabs(JPanel panel, String name) {
        JTabbedPane tabs = (JTabbedPane)find(panel, c -> c instanceof JTabbedPane);
        List<String> files = new ArrayList<>();
        try {
            Files.createDirectories(Projects.root());
            for (int i = 0; i < tabs.getTabCount(); i++) {
                tabs.setSelectedIndex(i);
                panel.setSize(900, 720);
                layOut(panel);
                BufferedImage image = new BufferedImage(900, 720, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    g.setColor(java.awt.Color.WHITE);
                    g.fillRect(0, 0, 900, 720);
                    panel.paint(g);
                } finally {
                    g.dispose();
                }
                Path file = Projects.root().resolve(name + "-" + tabs.getTitleAt(i).toLowerCase().replace(' ', '-')
                        + ".png");
                ImageIO.write(image, "png", file.toFile());
                files.add(file.getFileName().toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static void layOut(Component component) {
        if (component instanceof JComponent j) {
            j.doLayout();
        }
        if (component instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    private static void onEdt(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }
}
