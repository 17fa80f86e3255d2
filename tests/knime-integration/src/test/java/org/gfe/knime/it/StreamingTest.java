package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/**
 * The streaming harness: Encoder + Reconstructor collapsed into a component executed by KNIME's "Simple Streaming"
 * job manager (driver: Streaming, whose javadoc says how streamed and staged are told apart).
 */
class StreamingTest extends InKnime {

    /** The streamed component's output equals the non-streamed table, bit for bit (streamed or staged). */
    @Test
    void streamedComponentGivesTheSameTable() throws Throwable {
        inKnime("Streaming", "streamedComponentGivesTheSameTable");
    }

    /** KNIME sees the nodes' streaming API and their input rows arrive in chunks, not staged. */
    @Test
    void encoderAndReconstructorRunStreamed() throws Throwable {
        inKnime("Streaming", "encoderAndReconstructorRunStreamed");
    }
}
