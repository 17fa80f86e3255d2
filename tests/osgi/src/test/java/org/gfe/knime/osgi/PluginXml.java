package org.gfe.knime.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What plugin.xml (or a node description) points at: classes KNIME instantiates, icons, node factories. */
final class PluginXml {

    /** Attributes of KNIME's extension points (nodes, categories, port types) that name a class. */
    private static final Set<String> CLASS_ATTRIBUTES =
            Set.of("factory-class", "objectClass", "objectSerializer", "specClass", "specSerializer", "class");

    private final Document document;

    PluginXml(InputStream in) throws IOException {
        this.document = parse(in);
    }

    /** Binary class names (with $ for nested classes) named anywhere in the file. */
    List<String> classNames() {
        return attributeValues(CLASS_ATTRIBUTES);
    }

    /** Icon paths, relative to the bundle root. */
    List<String> icons() {
        return attributeValues(Set.of("icon"));
    }

    List<String> nodeFactories() {
        List<String> factories = new ArrayList<>();
        for (Element element : elements()) {
            if (element.getTagName().equals("node")) {
                factories.add(element.getAttribute("factory-class"));
            }
        }
        return factories;
    }

    /** The icon attribute of a node description's root element, "" if none. */
    String rootIcon() {
        return document.getDocumentElement().getAttribute("icon");
    }

    private List<String> attributeValues(Set<String> names) {
        List<String> values = new ArrayList<>();
        for (Element element : elements()) {
            for (String name : names) {
                if (element.hasAttribute(name)) {
                    values.add(element.getAttribute(name));
                }
            }
        }
        return values;
    }

    private List<Element> elements() {
        List<Element> all = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    private static Document parse(InputStream in) throws IOException {
        try (in) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // node descriptions name a schema; it must not be fetched
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse plugin XML", e);
        }
    }
}
