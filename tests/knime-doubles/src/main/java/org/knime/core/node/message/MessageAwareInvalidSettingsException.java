package org.knime.core.node.message;

import org.knime.core.internal.MessageAwareException;
import org.knime.core.node.InvalidSettingsException;

/** The InvalidSettingsException a {@link Message} turns into (package-private in KNIME too). */
final class MessageAwareInvalidSettingsException extends InvalidSettingsException implements MessageAwareException {
    private static final long serialVersionUID = 1L;

    private final transient Message m_message;

    MessageAwareInvalidSettingsException(final Message message, final Throwable cause) {
        super(message.getSummary(), cause);
        m_message = message;
    }

    @Override
    public Message getKNIMEMessage() {
        return m_message;
    }
}
