package org.knime.core.node;

/** Double of KNIME's NotConfigurableException: a dialog cannot be opened with the given input specs. */
public class NotConfigurableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String message) {
        super(message);
    }

    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
