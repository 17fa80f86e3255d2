package org.gfe.knime.core.encode;

/** Hears about encoding progress; may stop the encoding. Called from worker threads, one call at a time. */
@FunctionalInterface
public interface EncodingListener {

    /** A listener that never stops. */
    EncodingListener NONE = (fraction, rowsDone) -> true;

    /**
     * @param fraction of the work done, in [0, 1]
     * @param rowsDone rows whose codes are final
     * @return false to cancel (the encoder then throws {@link EncodingCancelledException}); throwing
     *         {@link EncodingCancelledException} works too
     */
    boolean onProgress(double fraction, int rowsDone);
}
