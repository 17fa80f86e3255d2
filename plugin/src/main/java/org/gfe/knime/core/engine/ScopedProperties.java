package org.gfe.knime.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM system properties set for a short scope and put back afterwards: DJL reads its switches (offline mode,
 * PyTorch's thread counts, the engine cache folder) from system properties, which every bundle in KNIME shares. GFE
 * sets them only while its engine starts ({@link DjlRuntime}) and restores them at once, so another extension that
 * embeds DJL (or reads the same names) keeps its own settings.
 *
 * <p>Restoring is careful: a property is put back only if it still holds the value set here, so a value another
 * thread wrote meanwhile is kept. Not thread-safe itself: one instance per scope, on one thread.
 */
public final class ScopedProperties implements AutoCloseable {

    private final List<Change> changes = new ArrayList<>();

    /** Sets {@code key} to {@code value} until {@link #close()}. */
    public ScopedProperties set(String key, String value) {
        String previous = System.getProperty(key);
        if (!value.equals(previous)) {
            System.setProperty(key, value);
            changes.add(new Change(key, previous, value));
        }
        return this;
    }

    /** Sets {@code key} to {@code value} until {@link #close()} unless the JVM already has a value for it. */
    public ScopedProperties setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            set(key, value);
        }
        return this;
    }

    /** Puts every property back as it was (in reverse order), unless someone else changed it meanwhile. */
    @Override
    public void close() {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (change.value.equals(System.getProperty(change.key))) {
                if (change.previous == null) {
                    System.clearProperty(change.key);
                } else {
                    System.setProperty(change.key, change.previous);
                }
            }
        }
        changes.clear();
    }

    private record Change(String key, String previous, String value) {
    }
}
