package org.knime.core.node;

import org.knime.core.internal.MessageAwareException;
import org.knime.core.node.message.Message;

/**
 * Double of KNIME's KNIMEException: a checked exception carrying a {@link Message} (a node's execute may throw it,
 * e.g. {@code throw Message.fromSummaryWithResolution(...).toKNIMEException()}).
 */
public final class KNIMEException extends Exception implements MessageAwareException {
    private static final long serialVersionUID = 1L;

    private final transient Message m_message;

    public KNIMEException(final String message, final Throwable cause) {
        this(messageFrom(message, cause), message, cause);
    }

    public KNIMEException(final String message) {
        this(messageFrom(message, null), message, null);
    }

    private KNIMEException(final Message knimeMessage, final String message, final Throwable cause) {
        super(message, cause);
        m_message = knimeMessage;
    }

    /** The message's summary is the text of the message, else the cause's, else "unknown reason" (as in KNIME). */
    private static Message messageFrom(final String message, final Throwable cause) {
        if (message != null) {
            return Message.fromSummary(message);
        }
        if (cause != null && cause.getMessage() != null) {
            return Message.fromSummary(cause.getMessage());
        }
        return Message.fromSummary("unknown reason");
    }

    @Override
    public Message getKNIMEMessage() {
        return m_message;
    }

    public static KNIMEException of(final Message message) {
        if (message == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        return new KNIMEException(message, message.getSummary(), null);
    }

    public static KNIMEException of(final Message message, final Throwable cause) {
        if (message == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        return new KNIMEException(message, message.getSummary(), cause);
    }

    public KNIMERuntimeException toUnchecked() {
        return new KNIMERuntimeException();
    }

    /** The unchecked form: this exception is its cause. */
    public final class KNIMERuntimeException extends RuntimeException implements MessageAwareException {
        private static final long serialVersionUID = 1L;

        KNIMERuntimeException() {
            super(KNIMEException.this.getMessage(), KNIMEException.this);
        }

        @Override
        public synchronized KNIMEException getCause() {
            return (KNIMEException)super.getCause();
        }

        @Override
        public Message getKNIMEMessage() {
            return getCause().getKNIMEMessage();
        }
    }
}
