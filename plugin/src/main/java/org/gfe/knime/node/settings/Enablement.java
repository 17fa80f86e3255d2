package org.gfe.knime.node.settings;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Which options apply when: a rule that enables settings models while a condition on other models holds. Rules are
 * declared once with a node's settings models ({@link VersionedSettings#enableWhen},
 * {@link VersionedSettings#enableFor}), so they serve both the node model and the dialog, whose components follow
 * their models' enabled state as KNIME's components do.
 *
 * <p>A rule is checked when declared, whenever a trigger changes (the user picks another value) and after settings
 * are loaded ({@link VersionedSettings#load}, {@link GfeSettingsPane}): KNIME stores each model's enabled state with
 * its value, and a stored state that no longer fits (e.g. a flow variable changed the integrator) must not win.
 *
 * <pre>{@code
 * versioned.enableFor(decoder, GfeChoices.DECODER, EnumSet.of(DecoderKind.MLP), hiddenSizes);
 * versioned.enableWhen(() -> validationFraction.getDoubleValue() > 0, List.of(validationFraction), interval);
 * }</pre>
 */
final class Enablement {

    private final BooleanSupplier applies;
    private final SettingsModel[] dependents;

    private Enablement(BooleanSupplier applies, SettingsModel[] dependents) {
        this.applies = applies;
        this.dependents = dependents.clone();
    }

    /** A rule checked now and whenever a trigger changes. */
    static Enablement when(BooleanSupplier applies, List<? extends SettingsModel> triggers,
            SettingsModel... dependents) {
        Enablement rule = new Enablement(applies, dependents);
        for (SettingsModel trigger : triggers) {
            trigger.addChangeListener(e -> rule.apply());
        }
        rule.apply();
        return rule;
    }

    /** A rule enabling the dependents while the constant named by {@code selector} is one of {@code when}. */
    static <E extends Enum<E>> Enablement forChoice(SettingsModelString selector, ChoiceLabels<E> choices,
            Set<E> when, SettingsModel... dependents) {
        return when(() -> when.contains(choices.find(selector.getStringValue())), List.of(selector), dependents);
    }

    /** Sets the dependents' enabled state from the condition. */
    void apply() {
        boolean enabled = applies.getAsBoolean();
        for (SettingsModel dependent : dependents) {
            if (dependent.isEnabled() != enabled) {
                dependent.setEnabled(enabled);
            }
        }
    }
}
