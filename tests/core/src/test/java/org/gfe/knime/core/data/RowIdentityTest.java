package org.gfe.knime.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowIdentityTest {

    @Test
    void matchesTheFnv1aTestVectors() {
        // published FNV-1a 64-bit values
        assertEquals(0xcbf29ce484222325L, RowIdentity.of(""));
        assertEquals(0xaf63dc4c8601ec8cL, RowIdentity.of("a"));
        assertEquals(0x85944171f73967e8L, RowIdentity.of("foobar"));
    }

    @Test
    void distinctKeysGetDistinctIdentities() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(RowIdentity.of("Row" + i));
        }
        assertEquals(100_000, seen.size());
        assertNotEquals(RowIdentity.of("Row1"), RowIdentity.of("row1"));
    }

    @Test
    void severalKeysInOrder() {
        assertArrayEquals(new long[] {RowIdentity.of("x"), RowIdentity.of("y")}, RowIdentity.ofAll("x", "y"));
    }
}
