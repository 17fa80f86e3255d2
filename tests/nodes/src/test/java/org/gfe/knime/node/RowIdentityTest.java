package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.gfe.knime.node.table.RowIdentity;
import org.junit.jupiter.api.Test;
import org.knime.core.data.RowKey;

/** Row identities: the same key always gives the same identity; nearby keys give different ones. */
class RowIdentityTest {

    @Test
    void identityIsAFunctionOfTheKeyOnly() {
        assertEquals(RowIdentity.of(new RowKey("Row7")), RowIdentity.of("Row7"));
        // pinned: the identity seeds each row's start, so a change would change every saved workflow's codes
        assertEquals(1272678490534273022L, RowIdentity.of("Row0"));
        assertNotEquals(RowIdentity.of("Row1"), RowIdentity.of("Row2"));
    }

    @Test
    void tenThousandKeysGiveTenThousandIdentities() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(RowIdentity.of("Row" + i));
        }
        assertEquals(10_000, seen.size());
    }
}
