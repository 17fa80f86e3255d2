package org.knime.core.node.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.config.base.ConfigBaseRO;
import org.knime.core.node.config.base.ConfigBaseWO;
import org.knime.core.node.port.PortObject;

/**
 * Double of KNIME's Message: a summary, an optional issue (detail, shown in a fixed font) and resolution hints. Saved
 * with the keys KNIME uses (summary, issue, resolutions). The conversions to and from the framework's NodeMessage are
 * not in the double.
 */
public final class Message {
    private final String m_summary;

    private final Issue m_issue;

    private final List<String> m_resolutions;

    Message(final MessageBuilder builder) {
        m_summary = builder.getSummary().orElseThrow(() -> new IllegalArgumentException("Summary must not be null"));
        m_issue = builder.issue().orElse(null);
        m_resolutions = List.copyOf(builder.resolutions());
    }

    public String getSummary() {
        return m_summary;
    }

    Optional<Issue> issue() {
        return Optional.ofNullable(m_issue);
    }

    /** Possible resolutions, possibly empty, never null. */
    public List<String> getResolutions() {
        return m_resolutions;
    }

    /**
     * Turns a row issue with a known column into a text issue showing that cell and its neighbours in the row and
     * the up to two rows before it (KNIME draws a similar ASCII table); other messages are returned as they are.
     */
    public Message renderIssueDetails(final PortObject[] inputs) {
        if (!(m_issue instanceof Issue.RowIssue)) {
            return this;
        }
        final Issue.RowIssue ri = (Issue.RowIssue)m_issue;
        final MessageBuilder b = builder().withSummary(m_summary);
        b.addIssue(new Issue.TextIssue(renderRows(ri, inputs)));
        return b.addResolutions(m_resolutions.toArray(String[]::new)).build().orElseThrow();
    }

    private static String renderRows(final Issue.RowIssue ri, final PortObject[] inputs) {
        if (ri.columnIndex() == Issue.RowIssue.UNKNOWN || inputs == null || ri.portIndex() >= inputs.length
            || !(inputs[ri.portIndex()] instanceof BufferedDataTable)) {
            return ri.toPreformatted();
        }
        final BufferedDataTable table = (BufferedDataTable)inputs[ri.portIndex()];
        final DataTableSpec spec = table.getDataTableSpec();
        final List<Integer> cols = new ArrayList<>();
        for (int c = ri.columnIndex() - 1; c <= ri.columnIndex() + 1; c++) {
            if (c >= 0 && c < spec.getNumColumns()) {
                cols.add(c);
            }
        }
        final List<String> lines = new ArrayList<>();
        lines.add("Row ID | " + cols.stream().map(c -> spec.getColumnSpec(c).getName()).collect(Collectors.joining(" | ")));
        long index = 0;
        for (DataRow row : table) {
            if (index >= ri.rowIndex() - 2 && index <= ri.rowIndex()) {
                lines.add(row.getKey().getString() + " | "
                    + cols.stream().map(c -> row.getCell(c).toString()).collect(Collectors.joining(" | ")));
            }
            if (++index > ri.rowIndex()) {
                break;
            }
        }
        lines.add(ri.toPreformatted());
        return String.join("\n", lines);
    }

    /** The summary and the lines of the issue, if any. */
    public String toLogPrintable() {
        final StringBuilder sb = new StringBuilder(m_summary);
        if (m_issue != null) {
            m_issue.toPreformatted().lines().forEach(l -> sb.append('\n').append(l));
        }
        return sb.toString();
    }

    public InvalidSettingsException toInvalidSettingsException() {
        return new MessageAwareInvalidSettingsException(this, null);
    }

    public InvalidSettingsException toInvalidSettingsException(final Throwable cause) {
        return new MessageAwareInvalidSettingsException(this, cause);
    }

    public KNIMEException toKNIMEException() {
        return KNIMEException.of(this);
    }

    public KNIMEException toKNIMEException(final Throwable cause) {
        return KNIMEException.of(this, cause);
    }

    public static String getSummaryFrom(final Message message) {
        return message == null ? null : message.getSummary();
    }

    public void saveTo(final ConfigBaseWO config) {
        config.addString("summary", m_summary);
        if (m_issue != null) {
            m_issue.saveTo(config.addConfigBase("issue"));
        }
        config.addStringArray("resolutions", m_resolutions.toArray(String[]::new));
    }

    /** A message saved with {@link #saveTo}, or empty if there is none (no summary). */
    public static Optional<Message> load(final ConfigBaseRO config) throws InvalidSettingsException {
        if (!config.containsKey("summary")) {
            return Optional.empty();
        }
        final MessageBuilder builder = builder().withSummary(config.getString("summary"));
        if (config.containsKey("issue")) {
            builder.addIssue(Issue.load(config.getConfigBase("issue")));
        }
        return builder.addResolutions(config.getStringArray("resolutions")).build();
    }

    @Override
    public String toString() {
        return "Message[summary=" + m_summary + ",issue=" + (m_issue == null ? "<null>" : m_issue.toPreformatted())
            + ",resolutions=" + m_resolutions + "]";
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof Message)) {
            return false;
        }
        final Message m = (Message)obj;
        return m_summary.equals(m.m_summary) && Objects.equals(m_issue, m.m_issue) && m_resolutions.equals(m.m_resolutions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_summary, m_issue, m_resolutions);
    }

    public static MessageBuilder builder() {
        return new MessageBuilder();
    }

    public MessageBuilder modify() {
        return new MessageBuilder(this);
    }

    /** A message with just this summary; null fails with IllegalArgumentException. */
    public static Message fromSummary(final String summary) {
        return builder().withSummary(summary).build()
            .orElseThrow(() -> new IllegalArgumentException("argument must not be null"));
    }

    public static Message fromSummaryWithResolution(final String summary, final String... res) {
        return builder().withSummary(summary).addResolutions(res).build()
            .orElseThrow(() -> new IllegalArgumentException("argument must not be null"));
    }

    public static Message fromRowIssue(final String summary, final int portIndex, final long row, final int column,
        final String description) {
        return builder().withSummary(summary).addRowIssue(portIndex, column, row, description).build()
            .orElseThrow(() -> new IllegalArgumentException("argument must not be null"));
    }
}
