package org.gfe.knime.core.encode;

/** The encoding was stopped by its listener; no partial result is returned. */
public class EncodingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EncodingCancelledException() {
        super("Encoding was cancelled.");
    }

    public EncodingCancelledException(String message) {
        super(message);
    }
}
