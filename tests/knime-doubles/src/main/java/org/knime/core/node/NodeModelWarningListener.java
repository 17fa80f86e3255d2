package org.knime.core.node;

import java.util.EventListener;

import org.knime.core.node.message.Message;

/** Double of KNIME's NodeModelWarningListener: told whenever a node model's warning changes (null = cleared). */
public interface NodeModelWarningListener extends EventListener {
    void warningChanged(Message warning);
}
