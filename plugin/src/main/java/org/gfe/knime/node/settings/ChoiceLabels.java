package org.gfe.knime.node.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * What people read for the constants of an enum that a string setting stores by name: a short label for the dialog
 * (e.g. "Adaptive (AMD), per row" for {@code AMD_PER_ROW}) and a sentence explaining it (tooltip). The settings keep
 * storing the constant's name, so workflows and flow variables stay as they were; only what is shown changes.
 *
 * <p>Built with {@link #of(Class)}; {@link Builder#build()} refuses a constant without a label, so a new constant
 * cannot reach a dialog unlabelled. Shared labels of the core's choices are in {@link GfeChoices}.
 *
 * @param <E> the enum
 */
public final class ChoiceLabels<E extends Enum<E>> {

    private final Class<E> type;
    private final Map<E, String> labels;
    private final Map<E, String> descriptions;

    private ChoiceLabels(Class<E> type, Map<E, String> labels, Map<E, String> descriptions) {
        this.type = type;
        this.labels = labels;
        this.descriptions = descriptions;
    }

    /** Starts the labels of {@code type}'s constants. */
    public static <E extends Enum<E>> Builder<E> of(Class<E> type) {
        return new Builder<>(type);
    }

    public Class<E> type() {
        return type;
    }

    /** The constants in declaration order (the order a dialog offers them in). */
    public List<E> constants() {
        return List.of(type.getEnumConstants());
    }

    /** The short label shown in dialogs and messages. */
    public String label(E constant) {
        return labels.get(constant);
    }

    /** One or two sentences on what the choice does, for tooltips. */
    public String description(E constant) {
        return descriptions.get(constant);
    }

    /** The constant named {@code storedName} (case-insensitive, surrounding blanks ignored), or null. */
    public E find(String storedName) {
        if (storedName == null) {
            return null;
        }
        String wanted = storedName.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    /** The label of the constant named {@code storedName}, or the stored text quoted if no constant has that name. */
    public String labelOf(String storedName) {
        E constant = find(storedName);
        return constant != null ? label(constant) : "'" + storedName + "'";
    }

    /**
     * The constant named by the model's value.
     *
     * @throws InvalidSettingsException naming the setting and listing the allowed values with their labels
     */
    public E parse(SettingsModelString model, String settingLabel) throws InvalidSettingsException {
        E constant = find(model.getStringValue());
        if (constant == null) {
            throw new InvalidSettingsException("Setting '" + settingLabel + "' is '" + model.getStringValue()
                    + "', which is not one of its choices: " + allowed() + ". Choose one in the dialog (a flow"
                    + " variable must give the name in capitals).");
        }
        return constant;
    }

    /** "AMD_PER_ROW (Adaptive (AMD), per row), ..." for messages about flow variables, which use the names. */
    public String allowed() {
        List<String> parts = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            parts.add(constant.name() + " (" + labels.get(constant) + ")");
        }
        return String.join(", ", parts);
    }

    /**
     * Collects the labels of an enum's constants.
     *
     * @param <E> the enum
     */
    public static final class Builder<E extends Enum<E>> {

        private final Class<E> type;
        private final Map<E, String> labels;
        private final Map<E, String> descriptions;

        private Builder(Class<E> type) {
            this.type = Objects.requireNonNull(type, "type");
            this.labels = new EnumMap<>(type);
            this.descriptions = new EnumMap<>(type);
        }

        /** The label and description of one constant. */
        public Builder<E> add(E constant, String label, String description) {
            labels.put(constant, Objects.requireNonNull(label, "label"));
            descriptions.put(constant, Objects.requireNonNull(description, "description"));
            return this;
        }

        /**
         * The labels.
         *
         * @throws IllegalStateException if a constant has no label, two constants share one, or a label is the bare
         *         constant name
         */
        public ChoiceLabels<E> build() {
            Set<String> seen = new HashSet<>();
            for (E constant : type.getEnumConstants()) {
                String label = labels.get(constant);
                if (label == null) {
                    throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + " has no label.");
                }
                if (label.equals(constant.name()) || !seen.add(label)) {
                    throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + ": label '" + label
                            + "' is the constant's name or another constant's label.");
                }
            }
            return new ChoiceLabels<>(type, Collections.unmodifiableMap(new EnumMap<>(labels)),
                    Collections.unmodifiableMap(new EnumMap<>(descriptions)));
        }
    }
}
