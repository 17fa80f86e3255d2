package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's LongValue. */
public interface LongValue extends DataValue {
    UtilityFactory UTILITY = new LongUtilityFactory();

    long getLongValue();

    /** Names the value type "Number (long)". */
    class LongUtilityFactory extends ExtensibleUtilityFactory {
        protected LongUtilityFactory() {
            super(LongValue.class);
        }

        public String getGroupName() {
            return "Number";
        }

        @Override
        public Icon getIcon() {
            return null;
        }

        @Override
        public String getName() {
            return "Number (long)";
        }
    }
}
