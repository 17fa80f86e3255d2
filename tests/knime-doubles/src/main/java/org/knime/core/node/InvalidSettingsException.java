package org.knime.core.node;

/** Double of KNIME's InvalidSettingsException: a setting or an input spec is not acceptable. */
public class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String message) {
        super(message);
    }

    public InvalidSettingsException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }
}
