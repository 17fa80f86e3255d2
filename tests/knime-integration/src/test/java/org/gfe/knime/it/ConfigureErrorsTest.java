package org.gfe.knime.it;

import org.junit.jupiter.api.Test;

/**
 * Configure errors on the real KNIME core: the node stays unconfigured and not executable, and its message (a
 * WARNING, as KNIME's Node.configure shows an InvalidSettingsException) names the column or setting (driver:
 * ConfigureErrors).
 */
class ConfigureErrorsTest extends InKnime {

    @Test
    void encoderOnTableWithoutAModelColumn() throws Throwable {
        inKnime("ConfigureErrors", "encoderOnTableWithoutAModelColumn");
    }

    @Test
    void learnerOnTableWithoutNumericColumn() throws Throwable {
        inKnime("ConfigureErrors", "learnerOnTableWithoutNumericColumn");
    }

    @Test
    void reconstructorOnTableWithoutLatentColumns() throws Throwable {
        inKnime("ConfigureErrors", "reconstructorOnTableWithoutLatentColumns");
    }

    @Test
    void badChoiceFromAFlowVariable() throws Throwable {
        inKnime("ConfigureErrors", "badChoiceFromAFlowVariable");
    }

    @Test
    void invalidSettingsAreRefused() throws Throwable {
        inKnime("ConfigureErrors", "invalidSettingsAreRefused");
    }
}
