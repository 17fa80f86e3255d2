package org.gfe.knime.node.table;

import java.nio.charset.StandardCharsets;
import org.knime.core.data.RowKey;

/**
 * A row's identity for the encoder: a 64-bit hash of its row key (FNV-1a over the key's UTF-8 bytes, then a
 * SplitMix64 finaliser). The encoder seeds a row's starting code with it, so a row gets the same code in every run,
 * whatever its position in the table or its batch.
 */
public final class RowIdentity {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowIdentity() {
    }

    public static long of(RowKey key) {
        return of(key.getString());
    }

    public static long of(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
