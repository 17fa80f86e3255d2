package org.knime.core.node.config.base;

/** Double of KNIME's write-only config view; adding an existing key replaces its value. */
public interface ConfigBaseWO {
    void addBoolean(String key, boolean value);

    void addBooleanArray(String key, boolean... values);

    void addByte(String key, byte value);

    void addByteArray(String key, byte... values);

    void addChar(String key, char value);

    void addCharArray(String key, char... values);

    ConfigBase addConfigBase(String key);

    void addDouble(String key, double value);

    void addDoubleArray(String key, double... values);

    void addFloat(String key, float value);

    void addFloatArray(String key, float... values);

    void addInt(String key, int value);

    void addIntArray(String key, int... values);

    void addLong(String key, long value);

    void addLongArray(String key, long... values);

    void addPassword(String key, String encryptionKey, String value);

    void addShort(String key, short value);

    void addShortArray(String key, short... values);

    void addString(String key, String value);

    void addStringArray(String key, String... values);

    void addTransientString(String key, String value);

    String getKey();
}
