package org.gfe.knime.harness;

/** One progress report of a node: the overall fraction done and the current message (null if none yet). */
public record ProgressEvent(double fraction, String message) {
}
