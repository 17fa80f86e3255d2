package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.knime.core.node.config.base.ConfigValueEntry.Kind;

/** Writes a config in the layout of KNIME's settings.xml ({@code <config key>} with {@code <entry>} children). */
final class ConfigXmlWriter {
    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private ConfigXmlWriter() {
    }

    /**
     * XML parsers turn line breaks in attributes into spaces, so control characters (and '%') are written as
     * "%%" plus five decimal digits, as KNIME does for line breaks.
     */
    static String escape(final String text) {
        final StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '%') {
                sb.append(String.format("%%%%%05d", (int)c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void write(final ConfigBase config, final OutputStream out) throws IOException {
        try {
            final XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("config");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("key", config.getKey());
            writeChildren(config, w, "  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write config \"" + config.getKey() + "\" as XML: " + e.getMessage(), e);
        }
    }

    private static void writeChildren(final ConfigBase config, final XMLStreamWriter w, final String indent)
        throws XMLStreamException {
        for (Map.Entry<String, AbstractConfigEntry> e : config.entries()) {
            if (e.getValue() instanceof ConfigBase) {
                final ConfigBase child = (ConfigBase)e.getValue();
                w.writeCharacters("\n" + indent);
                w.writeStartElement("config");
                w.writeAttribute("key", e.getKey());
                writeChildren(child, w, indent + "  ");
                w.writeCharacters("\n" + indent);
                w.writeEndElement();
            } else {
                final ConfigValueEntry v = (ConfigValueEntry)e.getValue();
                if (v.kind() == Kind.TRANSIENT) {
                    continue;
                }
                w.writeCharacters("\n" + indent);
                w.writeEmptyElement("entry");
                w.writeAttribute("key", e.getKey());
                w.writeAttribute("type", v.kind().xmlType);
                final String text = v.toStringValue();
                if (text == null) {
                    w.writeAttribute("isnull", "true");
                    w.writeAttribute("value", "");
                } else {
                    w.writeAttribute("value", escape(text));
                }
            }
        }
    }
}
