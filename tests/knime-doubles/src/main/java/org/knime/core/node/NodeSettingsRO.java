package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Double of KNIME's read-only node settings. */
public interface NodeSettingsRO extends ConfigRO {
    void copyTo(ConfigWO dest);

    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
