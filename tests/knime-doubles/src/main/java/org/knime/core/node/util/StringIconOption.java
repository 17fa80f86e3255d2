package org.knime.core.node.util;

import javax.swing.Icon;

/** Double of KNIME's StringIconOption: an item of a selection list, a text with an optional icon. */
public interface StringIconOption {
    String getText();

    Icon getIcon();
}
