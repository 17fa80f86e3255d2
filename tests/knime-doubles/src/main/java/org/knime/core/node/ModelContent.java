package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/** Double of KNIME's ModelContent: the config tree used by port objects and their specs. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {
    private static final long serialVersionUID = 1L;

    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    /** Adds a copy of {@code content} under its own key (KNIME links the instance itself). */
    @Override
    public void addModelContent(final ModelContent content) {
        content.copyTo(addModelContent(content.getKey()));
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent)getConfig(key);
    }

    public static ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return (ModelContent)ConfigXmlReader.read(in, ModelContent::new);
    }
}
