package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/** Double of KNIME's NodeSettings: an in-memory config tree, written and read as KNIME's settings XML. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {
    private static final long serialVersionUID = 1L;

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    /** Adds a copy of {@code settings} under its own key (KNIME links the instance itself). */
    @Override
    public void addNodeSettings(final NodeSettings settings) {
        settings.copyTo(addNodeSettings(settings.getKey()));
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfig(key);
    }

    /** Reads settings written by {@link #saveToXML(java.io.OutputStream)} (or by KNIME, for the entry types). */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings)ConfigXmlReader.read(in, NodeSettings::new);
    }

    /** Reads settings written with Java serialization. */
    public static NodeSettings readFromFile(final ObjectInputStream in) throws IOException {
        try {
            return (NodeSettings)in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("Stream does not hold NodeSettings: " + e.getMessage(), e);
        }
    }
}
