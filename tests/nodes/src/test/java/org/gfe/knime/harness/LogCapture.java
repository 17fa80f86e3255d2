package org.gfe.knime.harness;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeLogger.LEVEL;

/** Captures what nodes log through NodeLogger (all loggers) at or above a level, while open. */
public final class LogCapture implements AutoCloseable {
    private final StringWriter m_writer = new StringWriter();

    @SuppressWarnings("deprecation")
    public LogCapture(final LEVEL minLevel) {
        NodeLogger.addWriter(m_writer, minLevel, LEVEL.FATAL);
    }

    /** Lines "LEVEL\tlogger\tmessage". */
    public List<String> lines() {
        final String text = m_writer.toString();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Lines of coding problems (KNIME logs them with the prefix "CODING PROBLEM"). */
    public List<String> codingProblems() {
        return lines().stream().filter(l -> l.contains("CODING PROBLEM")).toList();
    }

    @Override
    public void close() {
        NodeLogger.removeWriter(m_writer);
    }
}
