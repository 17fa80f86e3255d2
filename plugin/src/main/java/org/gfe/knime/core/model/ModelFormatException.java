package org.gfe.knime.core.model;

import java.io.IOException;

/** A stream is not a readable GFE model: a newer format, not a model at all, truncated or corrupt. */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for a model written in a newer format than this version reads. */
    static ModelFormatException newerFormat(int found, int supported) {
        return new ModelFormatException("This model was written by a newer version (format " + found
                + ") of GFE for KNIME than this one (format " + supported + "). Update the extension to read it.");
    }
}
