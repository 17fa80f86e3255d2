package org.gfe.knime.core.encode;

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

class SolverSettingsTest {

    @Test
    void defaultsAreTheReferenceMnistConfiguration() {
        SolverSettings s = SolverSettings.defaults();
        assertEquals(FlowOrder.FIRST, s.flowOrder());
        assertEquals(IntegratorKind.AMD_PER_ROW, s.integrator());
        assertEquals(1e4, s.endTime());
        assertEquals(1, s.flowRate());
        assertEquals(1, s.initialStep());
        assertEquals(10, s.maximumStep());
        assertEquals(0.5, s.shrinkFactor());
        assertEquals(20, s.giveUpExponent());
        assertEquals(1e-5, s.armijoConstant());
        assertEquals(1e-5, s.convergenceTolerance());
        assertEquals(0.98, s.monitoringFraction());
        assertEquals(10, s.forcedStep());
        assertEquals(InitialState.SEEDED_UNIFORM, s.initialState());
    }

    @Test
    void roundTripsThroughItsStreamFormat() throws IOException {
        SolverSettings s = SolverSettings.defaults().toBuilder().integrator(IntegratorKind.RK4)
                .flowOrder(FlowOrder.SECOND).gridPoints(77).seed(-5).initialState(InitialState.ZEROS).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.write(new DataOutputStream(bytes));
        SolverSettings read = SolverSettings.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(s, read);
        assertEquals(s.hashCode(), read.hashCode());
        assertNotEquals(SolverSettings.defaults(), read);
    }

    @Test
    void writesTheOldestFormatThatHoldsThem() throws IOException {
        SolverSettings old = SolverSettings.defaults().toBuilder().endTime(77).build();
        assertEquals(1, old.formatVersion(), "settings a version-1 reader can use are written as version 1");
        assertEquals(1, bufferOf(old).getInt());
        SolverSettings table = old.toBuilder().initialState(InitialState.LINEAR_PROJECTION)
                .stationarityTolerance(1e-3).build();
        assertEquals(2, table.formatVersion());
        assertEquals(2, bufferOf(table).getInt());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write(new DataOutputStream(bytes));
        assertEquals(table, SolverSettings.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertEquals(2, old.toBuilder().stationarityTolerance(1e-9).build().formatVersion());
    }

    private static java.nio.ByteBuffer bufferOf(SolverSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        settings.write(new DataOutputStream(bytes));
        return java.nio.ByteBuffer.wrap(bytes.toByteArray());
    }

    @Test
    void newerFormatIsAClearError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(SolverSettings.FORMAT_VERSION + 1);
        IOException e = assertThrows(IOException.class,
                () -> SolverSettings.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("Update"));
    }

    @Test
    void badValuesNameTheSetting() {
        assertMessage(SolverSettings.builder().endTime(-1), "tau");
        assertMessage(SolverSettings.builder().stationarityTolerance(-1), "Stationarity");
        assertMessage(SolverSettings.builder().shrinkFactor(1), "rho");
        assertMessage(SolverSettings.builder().maximumStep(0.5), "hmax");
        assertMessage(SolverSettings.builder().monitoringFraction(0), "Monitoring fraction p");
        assertMessage(SolverSettings.builder().gridPoints(1), "Grid points N");
        assertMessage(SolverSettings.builder().encodingBatchSize(129), "Encoding batch size");
        assertMessage(SolverSettings.builder().flowRate(Double.NaN), "alpha");
        assertMessage(SolverSettings.builder().integrator(IntegratorKind.EULER).flowOrder(FlowOrder.SECOND), "EULER");
    }

    private static void assertMessage(SolverSettings.Builder builder, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
