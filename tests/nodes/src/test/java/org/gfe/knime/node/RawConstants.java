package org.gfe.knime.node;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gfe.knime.node.settings.GfeChoices;

/** Finds enum constants (e.g. Z_SCORE, AMD_PER_ROW) in text that people read, where the choices' labels belong. */
final class RawConstants {

    /** Every constant of every choice the GFE nodes offer. */
    static final Set<String> CONSTANTS = new TreeSet<>();

    /** Acronyms that are also constant names and read well inside a longer label. */
    private static final Set<String> ACRONYMS = Set.of("MLP", "ELU");

    static {
        Stream.of(GfeChoices.INTEGRATOR, GfeChoices.FLOW_ORDER, GfeChoices.INITIAL_STATE, GfeChoices.NORMALISATION,
                GfeChoices.LOSS, GfeChoices.TRAINING_METHOD, GfeChoices.DECODER, GfeChoices.ACTIVATION,
                GfeChoices.MISSING_CELLS).forEach(labels -> labels.constants().forEach(c -> CONSTANTS.add(c.name())));
    }

    private RawConstants() {
    }

    /** Whether the text is a constant, or contains one as a word (acronyms inside longer text excepted). */
    static boolean shownIn(String text) {
        if (CONSTANTS.contains(text.trim())) {
            return true;
        }
        Matcher tokens = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b").matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            if (CONSTANTS.contains(token) && !ACRONYMS.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
