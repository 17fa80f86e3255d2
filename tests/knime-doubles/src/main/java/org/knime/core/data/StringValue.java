package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's StringValue. */
public interface StringValue extends DataValue {
    UtilityFactory UTILITY = new StringUtilityFactory();

    String getStringValue();

    /** Names the value type "String". */
    class StringUtilityFactory extends ExtensibleUtilityFactory {
        protected StringUtilityFactory() {
            super(StringValue.class);
        }

        public String getGroupName() {
            return "Basic";
        }

        @Override
        public Icon getIcon() {
            return null;
        }

        @Override
        public String getName() {
            return "String";
        }
    }
}
