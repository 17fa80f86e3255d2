package org.gfe.knime.node.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings of one configure or execute, shown as one message: KNIME shows a single warning per node, and a
 * second {@code setWarningMessage} replaces the first. One warning is shown as it is; several are numbered, one per
 * line, most important first (the order they were added in). A warning added twice is shown once.
 *
 * <p>KNIME clears a node's warning before it executes, so a node that warned at configure adds the same warnings
 * again in execute (from the same code), or the user never sees them on an executed node.
 */
public final class Warnings {

    private final List<String> items = new ArrayList<>();

    /** Adds a warning; null or blank is ignored, a repeat is dropped. */
    public Warnings add(String warning) {
        if (warning != null && !warning.isBlank() && !items.contains(warning.trim())) {
            items.add(warning.trim());
        }
        return this;
    }

    /** Adds all of {@code other}'s warnings, after this one's. */
    public Warnings addAll(Warnings other) {
        other.items.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<String> items() {
        return List.copyOf(items);
    }

    /** The message for {@code setWarningMessage}: null without warnings (clears the node's warning). */
    public String message() {
        if (items.isEmpty()) {
            return null;
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        StringBuilder text = new StringBuilder().append(items.size()).append(" warnings:");
        for (int i = 0; i < items.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(items.get(i));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.valueOf(message());
    }
}
