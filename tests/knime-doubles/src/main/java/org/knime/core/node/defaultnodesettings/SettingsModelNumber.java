package org.knime.core.node.defaultnodesettings;

/** Double of KNIME's SettingsModelNumber: the number models shown by DialogComponentNumber. */
public abstract class SettingsModelNumber extends SettingsModel {
    public SettingsModelNumber() {
    }

    /** The current value (for dialog components). */
    abstract Number numberValue();
}
