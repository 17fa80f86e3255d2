package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.node.encoder.GfeEncoderNodeFactory;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.TestNodeAccess;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponents;
import org.knime.core.node.defaultnodesettings.DialogComponents.Shown;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.workflow.FlowVariable;

/** The Encoder's and Reconstructor's dialogs speak words, not constants, and enable options only where they apply. */
class EncoderDialogTest {

    @Test
    void encoderDialogShowsNoRawConstant() throws Exception {
        List<Shown> shown = open(new GfeEncoderNodeFactory(), null);
        List<String> texts = texts(shown);
        assertTrue(texts.contains("Encode the row from its present cells"), texts.toString());
        assertTrue(texts.contains("Give the row missing codes"), texts.toString());
        assertNoConstant(texts);
    }

    @Test
    void reconstructorDialogShowsNoRawConstant() throws Exception {
        assertNoConstant(texts(open(new GfeReconstructorNodeFactory(), null)));
    }

    @Test
    void theConvergedColumnTypeIsEnabledOnlyWithDiagnostics() throws Exception {
        List<Shown> shown = open(new GfeEncoderNodeFactory(), null);
        SettingsModelBoolean diagnostics = (SettingsModelBoolean) find(shown, "Append per-row diagnostics").model();
        Shown converged = find(shown, "\"GFE converged\" as a boolean column");
        assertFalse(converged.model().isEnabled(), "diagnostics are off by default");
        diagnostics.setBooleanValue(true);
        assertTrue(converged.model().isEnabled(), "ticking diagnostics enables it");
        diagnostics.setBooleanValue(false);
        assertFalse(converged.model().isEnabled());

        NodeHarness<?> node = NodeHarness.of(new GfeEncoderNodeFactory());
        node.edit().setBoolean("diagnostics", true);
        assertTrue(find(open(new GfeEncoderNodeFactory(), node.settings()), "\"GFE converged\"").model().isEnabled(),
                "a node with diagnostics opens with the option enabled");
    }

    private static List<Shown> open(NodeFactory<? extends NodeModel> factory, NodeSettings settings)
            throws Exception {
        DefaultNodeSettingsPane pane = (DefaultNodeSettingsPane) TestNodeAccess.createNodeDialogPane(factory);
        TestNodeAccess.setDialogFlowVariables(pane, Map.<String, FlowVariable>of());
        TestNodeAccess.loadDialogSettings(pane, settings != null ? settings : NodeHarness.of(factory).settings(),
                new org.knime.core.node.port.PortObjectSpec[TestNodeAccess.inPortTypes(factory.createNodeModel()).length]);
        return DialogComponents.of(pane);
    }

    private static Shown find(List<Shown> shown, String labelStart) {
        return shown.stream().filter(s -> s.label().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option '" + labelStart + "' in " + texts(shown)));
    }

    private static List<String> texts(List<Shown> shown) {
        List<String> texts = new ArrayList<>();
        for (Shown s : shown) {
            texts.add(s.label());
            texts.addAll(s.choices());
        }
        return texts;
    }

    /** No text is an enum-style constant (MASK, MISSING_CODE, AMD_PER_ROW, ...). */
    private static void assertNoConstant(List<String> texts) {
        for (String text : texts) {
            assertFalse(text.matches(".*\\b[A-Z]{2,}(_[A-Z0-9]+)*\\b.*") && !text.matches(".*\\bGFE\\b.*"),
                    "a raw constant is shown: '" + text + "'");
        }
        assertEquals(texts.size(), texts.stream().distinct().count(), "each text once: " + texts);
    }
}
