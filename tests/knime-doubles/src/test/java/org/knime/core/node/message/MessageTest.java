package org.knime.core.node.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.knime.core.internal.MessageAwareException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeSettings;

/** Messages: summary, first issue, resolutions; build rules; exceptions carrying them; saving. */
class MessageTest {
    @Test
    void builderNeedsASummaryAndKeepsTheFirstIssueAndAllResolutions() {
        final MessageBuilder b = Message.builder().addTextIssue("first").addRowIssue(0, 2, 7L, "second");
        assertEquals(Optional.empty(), b.build(), "no summary, no message");
        assertEquals(2, b.getIssueCount());
        assertEquals(Optional.of("first"), b.getFirstIssue());
        final Message m = b.withSummary("2 rows are bad").addResolutions("Fix row 7.", "Or remove it.").build().orElseThrow();
        assertEquals("2 rows are bad", m.getSummary());
        assertEquals(List.of("Fix row 7.", "Or remove it."), m.getResolutions());
        assertEquals("2 rows are bad\nfirst", m.toLogPrintable());
        assertThrows(IllegalArgumentException.class, () -> Message.builder().addResolutions((String[])null));
        assertThrows(IllegalArgumentException.class, () -> Message.builder().addResolutions("a", null));
        assertThrows(IllegalArgumentException.class, () -> Message.builder().addRowIssue(-1, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> Message.fromSummary(null));
    }

    @Test
    void factoriesModifyAndEquality() {
        final Message m = Message.fromSummaryWithResolution("Column \"x\" is missing", "Reconfigure the node.");
        assertEquals(List.of("Reconfigure the node."), m.getResolutions());
        assertEquals(m, Message.fromSummaryWithResolution("Column \"x\" is missing", "Reconfigure the node."));
        final Message changed = m.modify().withSummary("other").build().orElseThrow();
        assertEquals(List.of("Reconfigure the node."), changed.getResolutions());
        assertFalse(m.equals(changed));
        assertEquals("other", Message.getSummaryFrom(changed));
        assertEquals(null, Message.getSummaryFrom(null));
        final Message row = Message.fromRowIssue("Cannot parse", 0, 3L, 1, "\"abc\" is no number");
        assertEquals(Optional.of("\"abc\" is no number"), row.modify().getFirstIssue());
    }

    @Test
    void exceptionsCarryTheMessage() {
        final Message m = Message.fromSummaryWithResolution("Too few rows", "Give at least 2 rows.");
        final KNIMEException e = m.toKNIMEException();
        assertEquals("Too few rows", e.getMessage());
        assertSame(m, e.getKNIMEMessage());
        final KNIMEException.KNIMERuntimeException unchecked = e.toUnchecked();
        assertSame(e, unchecked.getCause());
        assertSame(m, unchecked.getKNIMEMessage());
        final IllegalStateException cause = new IllegalStateException("boom");
        assertSame(cause, m.toKNIMEException(cause).getCause());
        assertEquals("boom", new KNIMEException(null, cause).getKNIMEMessage().getSummary());
        assertEquals("unknown reason", new KNIMEException(null).getKNIMEMessage().getSummary());
        final InvalidSettingsException ise = m.toInvalidSettingsException();
        assertEquals("Too few rows", ise.getMessage());
        assertSame(m, ((MessageAwareException)ise).getKNIMEMessage());
        assertThrows(IllegalArgumentException.class, () -> KNIMEException.of(null));
    }

    @Test
    void savedMessagesLoadEqual() throws Exception {
        final Message m = Message.builder().withSummary("s").addRowIssue(1, 2, 3L, "d").addResolutions("r").build()
            .orElseThrow();
        final NodeSettings settings = new NodeSettings("msg");
        m.saveTo(settings);
        assertEquals("s", settings.getString("summary"));
        assertEquals("TABLE_ROW", settings.getNodeSettings("issue").getString("type"));
        assertEquals(Optional.of(m), Message.load(settings));
        assertEquals(Optional.empty(), Message.load(new NodeSettings("empty")));
        final NodeSettings text = new NodeSettings("text");
        Message.builder().withSummary("t").addTextIssue("detail").build().orElseThrow().saveTo(text);
        assertTrue(Message.load(text).orElseThrow().toLogPrintable().endsWith("detail"));
    }
}
