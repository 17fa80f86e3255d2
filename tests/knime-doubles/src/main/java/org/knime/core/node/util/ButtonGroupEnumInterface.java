package org.knime.core.node.util;

/** Double of KNIME's ButtonGroupEnumInterface: one radio button (usually an enum constant) of a button group. */
public interface ButtonGroupEnumInterface {
    /** The button's label. */
    String getText();

    /** The value the settings model stores when this button is selected. */
    String getActionCommand();

    /** The tool tip, or null. */
    String getToolTip();

    /** True for the button selected by default. */
    boolean isDefault();
}
