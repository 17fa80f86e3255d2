package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gfe.knime.harness.DialogInspector;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.settings.DialogComponentChoice;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.GfeSettingsPane;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * What the Learner's and the Solver Settings' dialogs show: every choice by a readable label (the settings still
 * store the enum names), and only the options that apply to the chosen decoder, integrator and start enabled.
 */
class DialogChoicesTest {

    private static final String[] LEARNER_KEYS_MLP = {"hidden_sizes"};
    private static final String[] LEARNER_KEYS_CONV = {"conv_channels", "kernel_size", "conv_layers"};
    private static final String[] AMD_KEYS = {"h0", "hmax", "shrink_factor", "give_up_exponent", "armijo_sigma",
        "convergence_tolerance", "monitoring_fraction", "forced_step"};
    private static final String[] TOLERANCE_KEYS = {"rtol", "atol"};

    private static DialogInspector learnerDialog() throws Exception {
        return DialogInspector.openWithDefaults(new GfeLearnerNodeFactory(), Tables.doubleSpec(SmallData.COLUMNS),
                null);
    }

    private static DialogInspector solverDialog() throws Exception {
        return DialogInspector.openWithDefaults(new SolverSettingsNodeFactory());
    }

    static Stream<String> ownedDialogs() {
        return Stream.of("learner", "solver");
    }

    private static DialogInspector dialog(String which) throws Exception {
        return which.equals("learner") ? learnerDialog() : solverDialog();
    }

    @Test
    void theDecoderKindEnablesItsOwnSettingsOnly() throws Exception {
        DialogInspector dialog = learnerDialog();
        assertEnabled(dialog, true, LEARNER_KEYS_MLP);
        assertEnabled(dialog, false, LEARNER_KEYS_CONV);

        dialog.select("Decoder", "CONVOLUTION_1D");
        assertEnabled(dialog, false, LEARNER_KEYS_MLP);
        assertEnabled(dialog, true, LEARNER_KEYS_CONV);
        assertEquals("1-D convolution (spectra)", shownText(dialog.choice("Decoder")));

        dialog.select("Decoder", "LINEAR_PLUS_MLP");
        assertEnabled(dialog, true, LEARNER_KEYS_MLP);
        assertEnabled(dialog, false, LEARNER_KEYS_CONV);

        dialog.select("Decoder", "MLP");
        assertEnabled(dialog, true, LEARNER_KEYS_MLP);
        assertEnabled(dialog, false, LEARNER_KEYS_CONV);
        assertTrue(dialog.isEnabled("activation"), "the activation applies to both decoders");
    }

    @Test
    void theValidationIntervalAppliesOnlyWithAValidationFraction() throws Exception {
        DialogInspector dialog = learnerDialog();
        assertFalse(dialog.isEnabled("validation_interval"), "no validation by default");
        GfeSettingsPane pane = (GfeSettingsPane) dialog.pane();
        ((org.knime.core.node.defaultnodesettings.SettingsModelDouble) pane.settingsModel("validation_fraction"))
                .setDoubleValue(0.2);
        assertTrue(dialog.isEnabled("validation_interval"));
    }

    @Test
    void theIntegratorEnablesItsOwnParametersOnly() throws Exception {
        DialogInspector dialog = solverDialog();
        assertEnabled(dialog, true, AMD_KEYS); // default: AMD per row
        assertEnabled(dialog, false, "grid_points");
        assertEnabled(dialog, false, TOLERANCE_KEYS);

        dialog.select("Integrator", "RK4");
        assertEnabled(dialog, false, AMD_KEYS);
        assertEnabled(dialog, true, "grid_points");
        assertEnabled(dialog, false, TOLERANCE_KEYS);

        dialog.select("Integrator", "DORMAND_PRINCE");
        assertEnabled(dialog, false, AMD_KEYS);
        assertEnabled(dialog, false, "grid_points");
        assertEnabled(dialog, true, TOLERANCE_KEYS);

        dialog.select("Integrator", "EULER");
        assertEnabled(dialog, true, "grid_points");

        dialog.select("Integrator", "AMD_REFERENCE");
        assertEnabled(dialog, true, AMD_KEYS);
        assertEnabled(dialog, false, "grid_points");
        for (String always : new String[] {"tau", "alpha", "flow_order", "integrator", "rows_per_batch"}) {
            assertTrue(dialog.isEnabled(always), always + " applies to every integrator");
        }
    }

    @Test
    void theSeedAppliesOnlyToTheSeededStart() throws Exception {
        DialogInspector dialog = solverDialog();
        assertTrue(dialog.isEnabled("seed"));
        dialog.select("Start of the flow z0", "ZEROS");
        assertFalse(dialog.isEnabled("seed"));
    }

    @Test
    void aDialogOpenedOnSavedSettingsEnablesWhatTheyChose() throws Exception {
        NodeHarness<?> node = NodeHarness.of(new SolverSettingsNodeFactory());
        node.edit().setString("integrator", "DORMAND_PRINCE");
        DialogInspector dialog = DialogInspector.open(new SolverSettingsNodeFactory(), node.settings());
        assertEnabled(dialog, true, TOLERANCE_KEYS);
        assertEnabled(dialog, false, AMD_KEYS);
        assertEquals("Dormand-Prince 5(4), error-controlled steps", shownText(dialog.choice("Integrator")));
    }

    @Test
    void choicesStillStoreTheEnumNames() throws Exception {
        DialogInspector dialog = learnerDialog();
        dialog.select("Normalisation", "MIN_MAX").select("Loss", "MSE").select("Decoder", "CONVOLUTION_1D");
        NodeSettings saved = new NodeSettings("model");
        dialog.pane().finishEditingAndSaveSettingsTo(saved);
        assertEquals("MIN_MAX", saved.getString("normalisation"));
        assertEquals("MSE", saved.getString("loss"));
        assertEquals("CONVOLUTION_1D", saved.getString("decoder"));
    }

    @ParameterizedTest
    @MethodSource("ownedDialogs")
    void noDialogShowsARawEnumConstant(String which) throws Exception {
        DialogInspector dialog = dialog(which);
        List<String> texts = dialog.texts();
        assertTrue(texts.contains("Adaptive (AMD), per row") || texts.contains("z-score (mean 0, sd 1)"),
                "the drop-downs' items are among the texts: " + texts);
        List<String> raw = new ArrayList<>();
        for (String text : texts) {
            if (RawConstants.shownIn(text)) {
                raw.add(text);
            }
        }
        assertEquals(List.of(), raw, "texts of the " + which + " dialog that show an enum constant");
    }

    @ParameterizedTest
    @MethodSource("ownedDialogs")
    void everyChoiceIsShownByItsLabels(String which) throws Exception {
        DialogInspector dialog = dialog(which);
        GfeSettingsPane pane = (GfeSettingsPane) dialog.pane();
        Set<Object> shownAsChoices = new java.util.HashSet<>();
        for (DialogComponentChoice<?> choice : dialog.choices()) {
            shownAsChoices.add(choice.getModel());
            assertTrue(choice.selected() != null, choice.labelText() + " shows its value");
        }
        // a string setting holding a constant name (capitals and underscores) must be shown as a labelled choice
        NodeHarness<?> node = which.equals("learner") ? NodeHarness.of(new GfeLearnerNodeFactory())
                : NodeHarness.of(new SolverSettingsNodeFactory());
        for (String key : node.settings().keySet()) {
            if (key.endsWith("_Internals") || key.startsWith("gfe_")) {
                continue;
            }
            Object model = pane.settingsModel(key);
            if (model instanceof SettingsModelString s && s.getStringValue() != null
                    && s.getStringValue().matches("[A-Z][A-Z0-9_]*")) {
                assertTrue(shownAsChoices.contains(model), "'" + key + "' is shown as a labelled choice");
            }
        }
    }

    private static String shownText(DialogComponentChoice<?> choice) {
        Object item = choice.comboBox().getSelectedItem();
        javax.swing.JLabel shown = (javax.swing.JLabel) choice.comboBox().getRenderer()
                .getListCellRendererComponent(new javax.swing.JList<>(), cast(item), 0, false, false);
        return shown.getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object item) {
        return (T) item;
    }

    private static void assertEnabled(DialogInspector dialog, boolean enabled, String... keys) {
        for (String key : keys) {
            assertEquals(enabled, dialog.isEnabled(key), "'" + key + "' enabled");
        }
    }
}
