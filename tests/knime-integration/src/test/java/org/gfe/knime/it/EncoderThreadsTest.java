package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** The Encoder's threads come from KNIME's pool and respect its limit (driver: EncoderThreads). */
class EncoderThreadsTest extends InKnime {

    /** Thread limit 3, two Encoders executing together: never more than 3 threads encode; codes unchanged. */
    @Test
    void twoEncodersAtOnceStayWithinKnimesThreadLimit() throws Throwable {
        inKnime("EncoderThreads", "twoEncodersAtOnceStayWithinKnimesThreadLimit");
    }

    /** With room in the pool, one Encoder works on its own thread and one helper. */
    @Test
    void oneEncoderTakesAHelperFromKnimesPool() throws Throwable {
        inKnime("EncoderThreads", "oneEncoderTakesAHelperFromKnimesPool");
    }
}
