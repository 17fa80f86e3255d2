package org.gfe.knime.node.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Enum choices stored as their names in string settings (so a flow variable can set them by name), read back with
 * an error that names the setting and lists the allowed values.
 */
public final class Choices {

    private Choices() {
    }

    /** The names of the constants, for a dialog's selection list. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }

    /** The constant named by the model's value (case-insensitive, surrounding blanks ignored). */
    public static <E extends Enum<E>> E parse(Class<E> type, SettingsModelString model, String settingLabel)
            throws InvalidSettingsException {
        String value = model.getStringValue();
        if (value != null) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new InvalidSettingsException("Setting '" + settingLabel + "' is '" + value + "', which is not one of "
                + names(type) + ". Choose one of these values (flow variables must use these names).");
    }
}
