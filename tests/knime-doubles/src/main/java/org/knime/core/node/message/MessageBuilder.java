package org.knime.core.node.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.knime.core.node.NodeLogger;

/**
 * Double of KNIME's MessageBuilder: a summary (without it {@link #build()} gives an empty optional), the first of
 * any number of issues, and resolution hints (duplicates kept, as in 5.3).
 */
public final class MessageBuilder {
    private String m_summary;

    private Issue m_relevantIssue;

    private long m_issueCount;

    private final List<String> m_resolutions = new ArrayList<>();

    MessageBuilder() {
    }

    MessageBuilder(final Message message) {
        m_summary = message.getSummary();
        m_relevantIssue = message.issue().orElse(null);
        m_issueCount = m_relevantIssue == null ? 0 : 1;
        m_resolutions.addAll(message.getResolutions());
    }

    public Optional<String> getSummary() {
        return Optional.ofNullable(m_summary);
    }

    Optional<Issue> issue() {
        return Optional.ofNullable(m_relevantIssue);
    }

    List<String> resolutions() {
        return m_resolutions;
    }

    public MessageBuilder withSummary(final String summary) {
        m_summary = summary;
        return this;
    }

    public MessageBuilder addTextIssue(final String description) {
        return addIssue(new Issue.TextIssue(description));
    }

    public MessageBuilder addRowIssue(final int portIndex, final int columnIndex, final long rowIndex,
        final String description) {
        return addIssue(Issue.RowIssue.create(portIndex, columnIndex, rowIndex, description));
    }

    public MessageBuilder addRowIssue(final int portIndex, final long rowIndex, final String description) {
        return addIssue(Issue.RowIssue.create(portIndex, rowIndex, description));
    }

    MessageBuilder addIssue(final Issue issue) {
        if (m_relevantIssue == null) {
            m_relevantIssue = issue;
        }
        m_issueCount++;
        return this;
    }

    /** Resolution hints; neither the array nor an element may be null. */
    public MessageBuilder addResolutions(final String... res) {
        if (res == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        if (Arrays.asList(res).contains(null)) {
            throw new IllegalArgumentException("Argument must not contain null elements");
        }
        m_resolutions.addAll(Arrays.asList(res));
        return this;
    }

    public Optional<String> getFirstIssue() {
        return issue().map(Issue::toPreformatted);
    }

    public long getIssueCount() {
        return m_issueCount;
    }

    /** The message, or empty if no summary was set (issues and resolutions are then dropped, as in KNIME). */
    public Optional<Message> build() {
        if (m_summary == null) {
            if (m_issueCount > 0) {
                NodeLogger.getLogger(MessageBuilder.class).coding(
                    String.format("Attempting to create a Message with %d issues but a 'null' summary", m_issueCount));
            }
            return Optional.empty();
        }
        return Optional.of(new Message(this));
    }
}
