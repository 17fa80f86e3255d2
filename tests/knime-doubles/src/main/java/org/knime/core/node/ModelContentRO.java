package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Double of KNIME's read-only model content. */
public interface ModelContentRO extends ConfigRO {
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
