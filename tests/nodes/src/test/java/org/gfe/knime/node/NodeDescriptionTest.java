package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gfe.knime.harness.NodeDescriptionCheck;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.node.settings.VersionedSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.w3c.dom.Element;

/** Each node's description: complete for KNIME, two intro paragraphs, one option per setting, keywords. */
class NodeDescriptionTest {

    static Stream<NodeFactory<? extends NodeModel>> factories() {
        return AllNodes.factories();
    }

    @ParameterizedTest
    @MethodSource("factories")
    void descriptionIsComplete(NodeFactory<? extends NodeModel> factory) {
        assertEquals(List.of(), NodeDescriptionCheck.problems(factory));
        Element root = factory.getXMLDescription();
        Element intro = (Element) root.getElementsByTagNameNS("*", "intro").item(0);
        assertTrue(intro.getElementsByTagNameNS("*", "p").getLength() >= 2, "the intro has two paragraphs");
        assertTrue(factory.getKeywords().length >= 3, "keywords for the node search");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void everySettingHasAnOption(NodeFactory<? extends NodeModel> factory) {
        List<String> keys = new ArrayList<>(NodeHarness.of(factory).settings().keySet());
        keys.remove(VersionedSettings.VERSION_KEY);
        keys.removeIf(key -> key.endsWith("_Internals")); // a settings model's own bookkeeping
        int options = factory.getXMLDescription().getElementsByTagNameNS("*", "option").getLength();
        assertEquals(keys.size(), options, "settings " + keys);
    }
}
