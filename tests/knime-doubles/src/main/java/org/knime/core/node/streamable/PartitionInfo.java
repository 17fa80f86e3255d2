package org.knime.core.node.streamable;

/** Double of KNIME's PartitionInfo: which of how many partitions a streamable operator processes. */
public class PartitionInfo {
    private final int m_partitionIndex;

    private final int m_partitionCount;

    public PartitionInfo(final int partitionIndex, final int partitionCount) {
        m_partitionIndex = partitionIndex;
        m_partitionCount = partitionCount;
    }

    public int getPartitionIndex() {
        return m_partitionIndex;
    }

    public int getPartitionCount() {
        return m_partitionCount;
    }
}
