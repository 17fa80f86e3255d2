package org.gfe.knime.node.port;

import java.util.ArrayList;
import java.util.List;

/**
 * The naming of latent columns shared by Encoder and Reconstructor: a prefix followed by 1..d ("z1", "z2", ...), so
 * the Reconstructor finds the columns the Encoder wrote.
 */
public final class LatentColumns {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "z";

    private LatentColumns() {
    }

    /** The names prefix1 .. prefix{dimension}. */
    public static List<String> names(String prefix, int dimension) {
        List<String> names = new ArrayList<>(dimension);
        for (int i = 1; i <= dimension; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Whether the name is the prefix followed by a positive number without leading zeros. */
    public static boolean isLatentName(String prefix, String name) {
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return false;
        }
        String number = name.substring(prefix.length());
        if (number.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
