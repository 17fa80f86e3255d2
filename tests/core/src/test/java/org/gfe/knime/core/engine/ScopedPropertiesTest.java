package org.gfe.knime.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** System properties DJL reads are set only for the engine start and put back afterwards. */
class ScopedPropertiesTest {

    private static final String ABSENT = "gfe.test.scoped.absent";
    private static final String PRESENT = "gfe.test.scoped.present";

    @AfterEach
    void clear() {
        System.clearProperty(ABSENT);
        System.clearProperty(PRESENT);
    }

    @Test
    void valuesHoldInsideTheScopeAndAreRestoredAfterIt() {
        System.setProperty(PRESENT, "theirs");
        try (ScopedProperties scope = new ScopedProperties()) {
            scope.set(ABSENT, "ours").set(PRESENT, "ours too");
            assertEquals("ours", System.getProperty(ABSENT));
            assertEquals("ours too", System.getProperty(PRESENT));
        }
        assertNull(System.getProperty(ABSENT), "a property that was absent is removed again");
        assertEquals("theirs", System.getProperty(PRESENT), "a property that was set gets its old value back");
    }

    @Test
    void setIfAbsentKeepsAValueTheJvmAlreadyHas() {
        System.setProperty(PRESENT, "admin's choice");
        try (ScopedProperties scope = new ScopedProperties()) {
            scope.setIfAbsent(PRESENT, "1").setIfAbsent(ABSENT, "1");
            assertEquals("admin's choice", System.getProperty(PRESENT));
            assertEquals("1", System.getProperty(ABSENT));
        }
        assertEquals("admin's choice", System.getProperty(PRESENT));
        assertNull(System.getProperty(ABSENT));
    }

    @Test
    void aValueAnotherThreadWroteMeanwhileIsKept() {
        try (ScopedProperties scope = new ScopedProperties()) {
            scope.set(ABSENT, "ours");
            System.setProperty(ABSENT, "someone else's");
        }
        assertEquals("someone else's", System.getProperty(ABSENT));
    }

    @Test
    void theEngineStartLeavesDjlsPropertiesAsItFoundThem() {
        String offline = System.getProperty("ai.djl.offline");
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        String cache = System.getProperty("ENGINE_CACHE_DIR");
        DjlRuntime.engine();
        assertEquals(offline, System.getProperty("ai.djl.offline"));
        assertEquals(threads, System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals(cache, System.getProperty("ENGINE_CACHE_DIR"));
    }
}
