package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/** The streamed Encoder hands rows on chunk by chunk while its input still arrives (driver: ChunkedStreaming). */
class ChunkedStreamingTest extends InKnime {

    @Test
    void reconstructorGetsRowsWhileTheEncodersInputStillArrives() throws Throwable {
        inKnime("ChunkedStreaming", "reconstructorGetsRowsWhileTheEncodersInputStillArrives");
    }
}
