package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.knime.core.node.config.Config;

/** Reads KNIME's config XML ({@code <config key>} / {@code <entry key type value>}) through the public config API. */
final class ConfigXmlReader {
    private ConfigXmlReader() {
    }

    /** Reads the stream up to the end of the root element; does not close the stream. */
    static Config read(final InputStream in, final Function<String, Config> rootFactory) throws IOException {
        try {
            final XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            final XMLStreamReader r = factory.createXMLStreamReader(in, "UTF-8");
            final Deque<Config> stack = new ArrayDeque<>();
            Config root = null;
            while (r.hasNext()) {
                final int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    final String key = r.getAttributeValue(null, "key");
                    if ("config".equals(r.getLocalName())) {
                        if (stack.isEmpty()) {
                            root = rootFactory.apply(key);
                            stack.push(root);
                        } else {
                            stack.push(stack.peek().addConfig(key));
                        }
                    } else if ("entry".equals(r.getLocalName()) && !stack.isEmpty()) {
                        addEntry(stack.peek(), key, r.getAttributeValue(null, "type"),
                            "true".equals(r.getAttributeValue(null, "isnull")) ? null
                                : unescape(r.getAttributeValue(null, "value")));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "config".equals(r.getLocalName())) {
                    stack.pop();
                    if (stack.isEmpty()) {
                        break;
                    }
                }
            }
            if (root == null) {
                throw new IOException("No <config> element in the XML stream");
            }
            return root;
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new IOException("Cannot read config XML: " + e.getMessage(), e);
        }
    }

    /** Reverses the writer's "%%" + five digits escapes of control characters and '%'. */
    private static String unescape(final String v) {
        if (v == null || !v.contains("%%")) {
            return v;
        }
        final StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            if (v.startsWith("%%", i) && i + 7 <= v.length() && v.substring(i + 2, i + 7).chars().allMatch(Character::isDigit)) {
                sb.append((char)Integer.parseInt(v.substring(i + 2, i + 7)));
                i += 6;
            } else {
                sb.append(v.charAt(i));
            }
        }
        return sb.toString();
    }

    private static void addEntry(final Config c, final String key, final String type, final String v) {
        switch (type) {
            case "xint": c.addInt(key, Integer.parseInt(v)); break;
            case "xlong": c.addLong(key, Long.parseLong(v)); break;
            case "xdouble": c.addDouble(key, Double.parseDouble(v)); break;
            case "xfloat": c.addFloat(key, Float.parseFloat(v)); break;
            case "xshort": c.addShort(key, Short.parseShort(v)); break;
            case "xbyte": c.addByte(key, Byte.parseByte(v)); break;
            case "xchar": c.addChar(key, (char)Integer.parseInt(v)); break;
            case "xboolean": c.addBoolean(key, Boolean.parseBoolean(v)); break;
            case "xstring": c.addString(key, v); break;
            case "xpassword": c.addPassword(key, "", v); break;
            default: throw new IllegalArgumentException("Unknown entry type '" + type + "' for key \"" + key + "\"");
        }
    }
}
