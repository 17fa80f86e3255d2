package org.gfe.knime.core.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DecoderSpecTest {

    @Test
    void mnistDecoderHasThePapersShapeAndParameterCount() {
        DecoderSpec mnist = DecoderSpec.mnist();
        assertArrayEquals(new int[] {20, 150, 300, 600, 784}, mnist.layerSizes());
        assertEquals(Activation.ELU, mnist.activation());
        assertEquals(4, mnist.layerCount());
        assertEquals(700_234, mnist.parameterCount());
        assertEquals("20-150-300-600-784 ELU", mnist.toString());
    }

    @Test
    void linearDecoderHasNoHiddenLayer() {
        DecoderSpec linear = new DecoderSpec(2, new int[0], Activation.TANH, 5);
        assertEquals(1, linear.layerCount());
        assertEquals(2 * 5 + 5, linear.parameterCount());
    }

    @Test
    void equalityIsByContentAndTheSpecCannotBeChangedFromOutside() {
        int[] hidden = {5, 4};
        DecoderSpec spec = new DecoderSpec(3, hidden, Activation.RELU, 6);
        hidden[0] = 99;
        spec.hiddenSizes()[1] = 99;
        DecoderSpec same = new DecoderSpec(3, new int[] {5, 4}, Activation.RELU, 6);
        assertEquals(same, spec);
        assertEquals(same.hashCode(), spec.hashCode());
        assertNotEquals(new DecoderSpec(3, new int[] {5, 4}, Activation.ELU, 6), spec);
        assertNotEquals(new DecoderSpec(3, new int[] {5, 5}, Activation.RELU, 6), spec);
        assertNotEquals(new DecoderSpec(3, new int[] {5, 4}, Activation.RELU, 7), spec);
    }

    @Test
    void invalidShapesAreRejectedWithTheBadValue() {
        IllegalArgumentException latent = assertThrows(IllegalArgumentException.class,
                () -> new DecoderSpec(0, new int[] {4}, Activation.ELU, 3));
        assertTrue(latent.getMessage().contains("latent"), latent.getMessage());
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> new DecoderSpec(2, new int[] {4, 0}, Activation.ELU, 3));
        assertTrue(hidden.getMessage().contains("[4, 0]"), hidden.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecoderSpec(2, new int[] {4}, null, 3));
        assertThrows(IllegalArgumentException.class, () -> new DecoderSpec(2, null, Activation.ELU, 3));
        assertThrows(IllegalArgumentException.class, () -> new DecoderSpec(2, new int[] {4}, Activation.ELU, 0));
    }

    @Test
    void writeAndReadRoundTrip() throws IOException {
        DecoderSpec spec = new DecoderSpec(7, new int[] {11, 13}, Activation.TANH, 17);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        spec.write(new DataOutputStream(bytes));
        assertEquals(spec, DecoderSpec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void aCorruptSpecIsAnIoException() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(3);
        out.writeInt(1);
        out.writeInt(4);
        out.writeUTF("SWISH");
        out.writeInt(2);
        IOException unknown = assertThrows(IOException.class,
                () -> DecoderSpec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(unknown.getMessage().contains("SWISH"), unknown.getMessage());
        ByteArrayOutputStream negative = new ByteArrayOutputStream();
        new DataOutputStream(negative).writeInt(3);
        new DataOutputStream(negative).writeInt(-5);
        assertThrows(IOException.class,
                () -> DecoderSpec.read(new DataInputStream(new ByteArrayInputStream(negative.toByteArray()))));
    }
}
