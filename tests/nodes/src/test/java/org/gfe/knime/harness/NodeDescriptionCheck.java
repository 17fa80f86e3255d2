package org.gfe.knime.harness;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.TestNodeAccess;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a node description the way a reader of the node repository would: the XML next to the factory parses,
 * has a name, a short description, an icon that exists, a description for every port of the model, and text
 * for every option. Returns the problems (empty if none).
 */
public final class NodeDescriptionCheck {
    private NodeDescriptionCheck() {
    }

    public static List<String> problems(final NodeFactory<? extends NodeModel> factory) {
        final List<String> out = new ArrayList<>();
        final String problem = TestNodeAccess.descriptionProblem(factory);
        if (problem != null) {
            out.add(problem);
            return out;
        }
        final Element root = factory.getXMLDescription();
        if (!"http://knime.org/node/v4.1".equals(root.getNamespaceURI())) {
            out.add("namespace is " + root.getNamespaceURI() + ", expected http://knime.org/node/v4.1");
        }
        if (factory.getNodeName() == null || factory.getNodeName().isBlank()) {
            out.add("no <name>");
        }
        if (text(root, "shortDescription").isEmpty()) {
            out.add("no <shortDescription>");
        }
        if (factory.getIcon() == null) {
            out.add("icon missing (attribute icon, resolved next to the factory class)");
        }
        final NodeModel model = factory.createNodeModel();
        for (int i = 0; i < TestNodeAccess.inPortTypes(model).length; i++) {
            if (factory.getInportName(i) == null || factory.getInportDescription(i).isEmpty()) {
                out.add("input port " + i + " is not described");
            }
        }
        for (int i = 0; i < TestNodeAccess.outPortTypes(model).length; i++) {
            if (factory.getOutportName(i) == null || factory.getOutportDescription(i).isEmpty()) {
                out.add("output port " + i + " is not described");
            }
        }
        final NodeList options = root.getElementsByTagNameNS("*", "option");
        for (int i = 0; i < options.getLength(); i++) {
            final Element o = (Element)options.item(i);
            if (o.getAttribute("name").isBlank() || o.getTextContent().isBlank()) {
                out.add("option \"" + o.getAttribute("name") + "\" has no name or no text");
            }
        }
        return out;
    }

    private static String text(final Element root, final String tag) {
        final NodeList l = root.getElementsByTagNameNS("*", tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }
}
