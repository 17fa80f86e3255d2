package org.knime.core.internal;

import org.knime.core.node.message.Message;

/** Double of KNIME's MessageAwareException: an exception that carries a {@link Message}. */
public interface MessageAwareException {
    Message getKNIMEMessage();
}
