package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;

import javax.swing.tree.TreeNode;

/** Double of KNIME's config tree node: a leaf value or (in {@link ConfigBase}) a sub-config. */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {
    private static final long serialVersionUID = 1L;

    private final String m_key;

    private AbstractConfigEntry m_parent;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("A config key must not be null");
        }
        m_key = key;
    }

    final String entryKey() {
        return m_key;
    }

    final void setParentEntry(final AbstractConfigEntry parent) {
        m_parent = parent;
    }

    /** The value as KNIME writes it into settings.xml (null for a null value). */
    public abstract String toStringValue();

    @Override
    public TreeNode getParent() {
        return m_parent;
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        throw new IndexOutOfBoundsException("A config value has no children");
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public boolean getAllowsChildren() {
        return false;
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<? extends TreeNode> children() {
        return Collections.emptyEnumeration();
    }
}
