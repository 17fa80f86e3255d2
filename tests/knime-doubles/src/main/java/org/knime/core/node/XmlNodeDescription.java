package org.knime.core.node;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads {@code <FactoryClass>.xml} next to a node factory (any knimeNode namespace version). A missing or broken
 * file gives an empty description, as KNIME keeps such nodes usable; {@link #problem()} says why.
 */
final class XmlNodeDescription extends NodeDescription {
    private final Element m_root;

    private final String m_problem;

    private final String m_fallbackName;

    XmlNodeDescription(final Class<?> factoryClass) {
        final String resource = factoryClass.getSimpleName() + ".xml";
        m_fallbackName = factoryClass.getSimpleName().replaceAll("(Node)?Factory$", "");
        Element root = null;
        String problem = null;
        try (InputStream in = factoryClass.getResourceAsStream(resource)) {
            if (in == null) {
                problem = "No node description " + resource + " next to " + factoryClass.getName();
            } else {
                final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                root = f.newDocumentBuilder().parse(in).getDocumentElement();
                if (!"knimeNode".equals(root.getLocalName())) {
                    problem = resource + " has root element " + root.getLocalName() + ", expected knimeNode";
                    root = null;
                }
            }
        } catch (Exception e) {
            problem = "Cannot parse " + resource + ": " + e.getMessage();
        }
        m_root = root;
        m_problem = problem;
    }

    /** Why there is no description, or null. */
    String problem() {
        return m_problem;
    }

    private List<Element> elements(final Element parent, final String localName) {
        final List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        final NodeList all = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element)all.item(i));
        }
        return out;
    }

    private Element port(final String kind, final int index) {
        for (Element e : elements(m_root, kind)) {
            if (String.valueOf(index).equals(e.getAttribute("index"))) {
                return e;
            }
        }
        return null;
    }

    private static String text(final Node n) {
        return n == null ? null : n.getTextContent().trim().replaceAll("\\s+", " ");
    }

    @Override
    public String getNodeName() {
        final List<Element> names = elements(m_root, "name");
        return names.isEmpty() ? m_fallbackName : text(names.get(0));
    }

    @Override
    public String getIconPath() {
        return m_root == null || m_root.getAttribute("icon").isEmpty() ? null : m_root.getAttribute("icon");
    }

    @Override
    public String getInportName(final int index) {
        final Element e = port("inPort", index);
        return e == null ? null : e.getAttribute("name");
    }

    @Override
    public String getInportDescription(final int index) {
        return text(port("inPort", index));
    }

    @Override
    public String getOutportName(final int index) {
        final Element e = port("outPort", index);
        return e == null ? null : e.getAttribute("name");
    }

    @Override
    public String getOutportDescription(final int index) {
        return text(port("outPort", index));
    }

    @Override
    public String getInteractiveViewName() {
        final List<Element> views = elements(m_root, "interactiveView");
        return views.isEmpty() ? null : views.get(0).getAttribute("name");
    }

    @Override
    public NodeFactory.NodeType getType() {
        if (m_root == null || m_root.getAttribute("type").isEmpty()) {
            return NodeFactory.NodeType.Unknown;
        }
        try {
            return NodeFactory.NodeType.valueOf(m_root.getAttribute("type"));
        } catch (IllegalArgumentException e) {
            return NodeFactory.NodeType.Unknown;
        }
    }

    @Override
    public int getViewCount() {
        return elements(m_root, "view").size();
    }

    @Override
    public String getViewName(final int index) {
        final List<Element> views = elements(m_root, "view");
        return index < views.size() ? views.get(index).getAttribute("name") : null;
    }

    @Override
    public String getViewDescription(final int index) {
        final List<Element> views = elements(m_root, "view");
        return index < views.size() ? text(views.get(index)) : null;
    }

    @Override
    public Element getXMLDescription() {
        return m_root;
    }

    String[] keywords() {
        return elements(m_root, "keyword").stream().map(XmlNodeDescription::text).toArray(String[]::new);
    }

    boolean deprecated() {
        return m_root != null && Boolean.parseBoolean(m_root.getAttribute("deprecated"));
    }
}
