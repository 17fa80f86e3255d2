package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.SettingsEditor;
import org.gfe.knime.node.encoder.GfeEncoderNodeFactory;
import org.gfe.knime.node.learner.GfeLearnerNodeFactory;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;

/**
 * Settings saved by an older version of a node (no settings version, keys missing) load with the defaults of the
 * missing keys; settings of the current version with a key missing are refused, naming the key.
 */
class SettingsVersionTest {

    /** Per node: a key, and how to give it a valid non-default value. */
    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of(new SolverSettingsNodeFactory(), "seed", change((e, k) -> e.setInt(k, 7))),
                Arguments.of(new GfeLearnerNodeFactory(), "epochs", change((e, k) -> e.setInt(k, 3))),
                Arguments.of(new GfeLearnerNodeFactory(), "kernel_size", change((e, k) -> e.setInt(k, 7))),
                Arguments.of(new GfeEncoderNodeFactory(), "rows_per_chunk", change((e, k) -> e.setInt(k, 64))),
                Arguments.of(new GfeEncoderNodeFactory(), "reconstruction_error",
                        change((e, k) -> e.setBoolean(k, true))),
                Arguments.of(new GfeReconstructorNodeFactory(), "impute_missing",
                        change((e, k) -> e.setBoolean(k, true))),
                Arguments.of(new GfeReconstructorNodeFactory(), "rows_per_chunk",
                        change((e, k) -> e.setInt(k, 64))));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void olderSettingsLoadWithTheDefaultOfAMissingKey(NodeFactory<? extends NodeModel> factory, String key,
            BiConsumer<SettingsEditor, String> change) throws Exception {
        NodeHarness<? extends NodeModel> node = NodeHarness.of(factory);
        NodeSettings defaults = SettingsEditor.copy(node.settings());
        String defaultXml = SettingsEditor.of(defaults).toXml();

        SettingsEditor changed = SettingsEditor.of(SettingsEditor.copy(defaults));
        change.accept(changed, key);
        node.withSettings(changed.settings()).applySettings();
        assertNotEquals(defaultXml, SettingsEditor.of(node.savedSettings()).toXml(), "the change took effect");

        SettingsEditor older = SettingsEditor.of(SettingsEditor.copy(defaults));
        older.remove(VersionedSettings.VERSION_KEY).remove(key);
        node.withSettings(older.settings()).applySettings();
        assertEquals(defaultXml, SettingsEditor.of(node.savedSettings()).toXml(),
                "the missing key '" + key + "' is back at its default, and the version is the current one");
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void currentSettingsWithAMissingKeyAreRefusedNamingTheKey(NodeFactory<? extends NodeModel> factory, String key,
            BiConsumer<SettingsEditor, String> change) {
        NodeHarness<? extends NodeModel> node = NodeHarness.of(factory);
        node.edit().remove(key);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, node::applySettings);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    private static BiConsumer<SettingsEditor, String> change(BiConsumer<SettingsEditor, String> change) {
        return change;
    }
}
