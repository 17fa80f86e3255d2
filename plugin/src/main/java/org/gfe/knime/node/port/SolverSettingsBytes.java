package org.gfe.knime.node.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.gfe.knime.core.encode.SolverSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** Stores solver settings in a port's model content as the core's own versioned binary form. */
final class SolverSettingsBytes {

    private static final String KEY = "solver_settings";
    private static final String DESCRIPTION_KEY = "description";

    private SolverSettingsBytes() {
    }

    static void save(SolverSettings settings, ModelContentWO model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            settings.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        model.addByteArray(KEY, bytes.toByteArray());
        model.addString(DESCRIPTION_KEY, settings.toString());
    }

    static SolverSettings load(ModelContentRO model) throws InvalidSettingsException {
        byte[] bytes = model.getByteArray(KEY);
        try {
            return SolverSettings.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new InvalidSettingsException("The stored GFE solver settings cannot be read: " + e.getMessage(),
                    e);
        }
    }
}
