package org.gfe.knime.core.data;

import java.nio.charset.StandardCharsets;

/**
 * A stable 64-bit identity of a row from its key, used to seed the row's starting code: the same key gives the same
 * identity in every JVM and version (unlike {@link String#hashCode()}, which has only 32 bits), so a row encodes to
 * the same code wherever it sits in a table.
 */
public final class RowIdentity {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowIdentity() {
    }

    /** FNV-1a over the key's UTF-8 bytes. */
    public static long of(String rowKey) {
        long hash = FNV_OFFSET;
        for (byte b : rowKey.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** Identities of several keys, in order. */
    public static long[] ofAll(String... rowKeys) {
        long[] identities = new long[rowKeys.length];
        for (int i = 0; i < rowKeys.length; i++) {
            identities[i] = of(rowKeys[i]);
        }
        return identities;
    }
}
