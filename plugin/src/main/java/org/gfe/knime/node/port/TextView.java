package org.gfe.knime.node.port;

import java.awt.Font;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

/**
 * A read-only text panel for a port view. Built only when KNIME asks a port for its views (never in a node model),
 * so headless execution never touches Swing.
 */
final class TextView {

    private TextView() {
    }

    static JComponent of(String title, String text) {
        JTextArea area = new JTextArea(text);
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JScrollPane pane = new JScrollPane(area);
        pane.setName(title);
        return pane;
    }
}
