package org.knime.core.node;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Double of KNIME's NodeLogger: writes to {@link System.Logger} and to writers added with
 * {@link #addWriter(Writer, LEVEL, LEVEL)} (tests use that to capture log output). Coding problems are logged
 * as errors prefixed "CODING PROBLEM", as in KNIME.
 */
public final class NodeLogger {
    public static final String KNIME_CONSOLE_APPENDER = "knimeConsole";

    public static final String LOGFILE_APPENDER = "logfile";

    public static final String LOG_FILE = "knime.log";

    public static final String STDERR_APPENDER = "stderr";

    public static final String STDOUT_APPENDER = "stdout";

    /** A writer with its level range. */
    private static final class Sink {
        final Writer writer;

        final LEVEL min;

        final LEVEL max;

        Sink(final Writer writer, final LEVEL min, final LEVEL max) {
            this.writer = writer;
            this.min = min;
            this.max = max;
        }
    }

    private static final List<Sink> SINKS = new CopyOnWriteArrayList<>();

    private final String m_name;

    private final System.Logger m_delegate;

    private NodeLogger(final String name) {
        m_name = name;
        m_delegate = System.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    /** Also sends messages with a level in [min, max] to {@code writer}, one line each. */
    @Deprecated
    public static void addWriter(final Writer writer, final LEVEL minLevel, final LEVEL maxLevel) {
        SINKS.add(new Sink(writer, minLevel, maxLevel));
    }

    public static void addKNIMEConsoleWriter(final Writer writer, final LEVEL minLevel, final LEVEL maxLevel) {
        addWriter(writer, minLevel, maxLevel);
    }

    public static void removeWriter(final Writer writer) {
        SINKS.removeIf(s -> s.writer == writer);
    }

    private static System.Logger.Level julLevel(final LEVEL level) {
        switch (level) {
            case DEBUG: return System.Logger.Level.DEBUG;
            case INFO: return System.Logger.Level.INFO;
            case WARN: return System.Logger.Level.WARNING;
            default: return System.Logger.Level.ERROR;
        }
    }

    private void log(final LEVEL level, final String message, final Throwable t) {
        m_delegate.log(julLevel(level), message, t);
        for (Sink s : SINKS) {
            if (level.ordinal() >= s.min.ordinal() && level.ordinal() <= s.max.ordinal()) {
                try {
                    s.writer.write(level + "\t" + m_name + "\t" + message + (t == null ? "" : "\t" + t) + "\n");
                    s.writer.flush();
                } catch (IOException e) {
                    // a broken test writer must not break the node
                }
            }
        }
    }

    public LEVEL getLevel() {
        return m_delegate.isLoggable(System.Logger.Level.DEBUG) ? LEVEL.DEBUG : LEVEL.INFO;
    }

    public boolean isDebugEnabled() {
        return isEnabledFor(LEVEL.DEBUG);
    }

    public boolean isInfoEnabled() {
        return isEnabledFor(LEVEL.INFO);
    }

    /** True if the level is logged anywhere (a capturing writer counts). */
    public boolean isEnabledFor(final LEVEL level) {
        for (Sink s : SINKS) {
            if (level.ordinal() >= s.min.ordinal() && level.ordinal() <= s.max.ordinal()) {
                return true;
            }
        }
        return m_delegate.isLoggable(julLevel(level));
    }

    public void assertLog(final boolean b, final String m) {
        if (!b) {
            log(LEVEL.ERROR, "ASSERT\t" + m, new AssertionError(m));
        }
    }

    public void assertLog(final boolean b, final String m, final AssertionError e) {
        if (!b) {
            log(LEVEL.ERROR, "ASSERT\t" + m, e);
        }
    }

    public void debugWithoutContext(final Object o) {
        debug(o);
    }

    public void debugWithoutContext(final Supplier<Object> s) {
        debug(s);
    }

    public void codingWithoutContext(final Object o) {
        coding(o);
    }

    public void codingWithoutContext(final Supplier<Object> s) {
        coding(s);
    }

    public void debug(final Object o) {
        log(LEVEL.DEBUG, String.valueOf(o), null);
    }

    public void debug(final Object o, final Throwable t) {
        log(LEVEL.DEBUG, String.valueOf(o), t);
    }

    public void debug(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.DEBUG)) {
            log(LEVEL.DEBUG, String.valueOf(s.get()), null);
        }
    }

    public void debug(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.DEBUG)) {
            log(LEVEL.DEBUG, String.valueOf(s.get()), t);
        }
    }

    public void debugWithFormat(final String format, final Object... args) {
        if (isEnabledFor(LEVEL.DEBUG)) {
            log(LEVEL.DEBUG, String.format(format, args), null);
        }
    }

    public void info(final Object o) {
        log(LEVEL.INFO, String.valueOf(o), null);
    }

    public void info(final Object o, final Throwable t) {
        log(LEVEL.INFO, String.valueOf(o), t);
    }

    public void info(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.INFO)) {
            log(LEVEL.INFO, String.valueOf(s.get()), null);
        }
    }

    public void info(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.INFO)) {
            log(LEVEL.INFO, String.valueOf(s.get()), t);
        }
    }

    public void infoWithFormat(final String format, final Object... args) {
        if (isEnabledFor(LEVEL.INFO)) {
            log(LEVEL.INFO, String.format(format, args), null);
        }
    }

    public void warn(final Object o) {
        log(LEVEL.WARN, String.valueOf(o), null);
    }

    public void warn(final Object o, final Throwable t) {
        log(LEVEL.WARN, String.valueOf(o), t);
    }

    public void warn(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.WARN)) {
            log(LEVEL.WARN, String.valueOf(s.get()), null);
        }
    }

    public void warn(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.WARN)) {
            log(LEVEL.WARN, String.valueOf(s.get()), t);
        }
    }

    public void warnWithFormat(final String format, final Object... args) {
        if (isEnabledFor(LEVEL.WARN)) {
            log(LEVEL.WARN, String.format(format, args), null);
        }
    }

    public void error(final Object o) {
        log(LEVEL.ERROR, String.valueOf(o), null);
    }

    public void error(final Object o, final Throwable t) {
        log(LEVEL.ERROR, String.valueOf(o), t);
    }

    public void error(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.ERROR)) {
            log(LEVEL.ERROR, String.valueOf(s.get()), null);
        }
    }

    public void error(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.ERROR)) {
            log(LEVEL.ERROR, String.valueOf(s.get()), t);
        }
    }

    public void errorWithFormat(final String format, final Object... args) {
        if (isEnabledFor(LEVEL.ERROR)) {
            log(LEVEL.ERROR, String.format(format, args), null);
        }
    }

    public void fatal(final Object o) {
        log(LEVEL.FATAL, String.valueOf(o), null);
    }

    public void fatal(final Object o, final Throwable t) {
        log(LEVEL.FATAL, String.valueOf(o), t);
    }

    public void fatal(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.FATAL)) {
            log(LEVEL.FATAL, String.valueOf(s.get()), null);
        }
    }

    public void fatal(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.FATAL)) {
            log(LEVEL.FATAL, String.valueOf(s.get()), t);
        }
    }

    public void fatalWithFormat(final String format, final Object... args) {
        if (isEnabledFor(LEVEL.FATAL)) {
            log(LEVEL.FATAL, String.format(format, args), null);
        }
    }

    public void coding(final Object o) {
        log(LEVEL.ERROR, "CODING PROBLEM\t" + String.valueOf(o), null);
    }

    public void coding(final Object o, final Throwable t) {
        log(LEVEL.ERROR, "CODING PROBLEM\t" + String.valueOf(o), t);
    }

    public void coding(final Supplier<Object> s) {
        if (isEnabledFor(LEVEL.ERROR)) {
            log(LEVEL.ERROR, "CODING PROBLEM\t" + String.valueOf(s.get()), null);
        }
    }

    public void coding(final Supplier<Object> s, final Throwable t) {
        if (isEnabledFor(LEVEL.ERROR)) {
            log(LEVEL.ERROR, "CODING PROBLEM\t" + String.valueOf(s.get()), t);
        }
    }

    public void codingWithFormat(final String format, final Object... args) {
        log(LEVEL.ERROR, "CODING PROBLEM\t" + String.format(format, args), null);
    }

    /** Log levels, most detailed first. */
    public enum LEVEL {
        DEBUG, INFO, WARN, ERROR, FATAL, ALL, OFF
    }
}
