package org.gfe.knime.osgi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The p2 metadata (content.jar, artifacts.jar) and file list of a zipped p2 repository. */
final class P2Metadata {

    private final List<String> files = new ArrayList<>();
    private final Document content;
    private final Document artifacts;

    P2Metadata(Path siteZip) throws Exception {
        try (ZipFile zip = new ZipFile(siteZip.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> files.add(e.getName()));
            content = xmlInsideJar(zip, "content.jar", "content.xml");
            artifacts = xmlInsideJar(zip, "artifacts.jar", "artifacts.xml");
        }
    }

    List<String> files() {
        return files;
    }

    /** All installable units of content.xml. */
    List<Element> units() {
        return children(content, "unit");
    }

    Element unit(String id) {
        return units().stream().filter(u -> u.getAttribute("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("the site has no unit " + id));
    }

    /** "classifier/id" of every artifact of artifacts.xml. */
    List<String> artifactKeys() {
        return children(artifacts, "artifact").stream()
                .map(a -> a.getAttribute("classifier") + "/" + a.getAttribute("id")).toList();
    }

    /** "namespace/name range" of every requirement of a unit. */
    static List<String> requirements(Element unit) {
        List<String> requirements = new ArrayList<>();
        NodeList required = unit.getElementsByTagName("required");
        for (int i = 0; i < required.getLength(); i++) {
            Element r = (Element) required.item(i);
            requirements.add(r.getAttribute("namespace") + "/" + r.getAttribute("name") + " " + r.getAttribute("range")
                    + (r.getAttribute("optional").equals("true") ? " optional" : ""));
        }
        return requirements;
    }

    /** The text of a unit's own &lt;filter&gt; (not those of its requirements), whitespace removed; "" if none. */
    static String filter(Element unit) {
        NodeList children = unit.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("filter")) {
                return e.getTextContent().replaceAll("\\s", "");
            }
        }
        return "";
    }

    private static List<Element> children(Document document, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Document xmlInsideJar(ZipFile zip, String jarName, String xmlName) throws Exception {
        ZipEntry jarEntry = zip.getEntry(jarName);
        if (jarEntry == null) {
            throw new AssertionError("the site has no " + jarName);
        }
        try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(jarEntry))) {
            for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                if (e.getName().equals(xmlName)) {
                    return parse(new ByteArrayInputStream(jar.readAllBytes()));
                }
            }
        }
        throw new AssertionError(jarName + " holds no " + xmlName);
    }

    private static Document parse(InputStream in) throws Exception {
        try (in) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new IOException("cannot parse p2 metadata", e);
        }
    }
}
