package dev.oslo4j.messaging;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns on Java's regex engine, for rules written for oslo (notification filters). The two
 * syntaxes agree on everything oslo configurations use; the spellings that differ are translated: named groups
 * {@code (?P<name>…)} and back-references {@code (?P=name)}, and the end-of-text anchor {@code \Z} (Java
 * {@code \z}). Matching is Python's {@code re.match}: anchored at the start only ({@link #matchesStart}).
 */
final class PythonRegex {

    private PythonRegex() {
    }

    /**
     * Compiles a Python pattern.
     *
     * @param what names the rule in the error message, e.g. {@code "event_type"}
     * @throws IllegalArgumentException naming {@code what} and the pattern when it does not compile
     */
    static Pattern compile(String what, String pythonPattern) {
        if (pythonPattern == null) {
            throw new IllegalArgumentException("regular expression for " + what + " is null");
        }
        try {
            return Pattern.compile(translate(pythonPattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression for " + what + ": '" + pythonPattern
                    + "': " + e.getDescription(), e);
        }
    }

    /** Python's {@code re.match(pattern, text)}: a match starting at the first character (not necessarily to the end). */
    static boolean matchesStart(Pattern pattern, String text) {
        return pattern.matcher(text).lookingAt();
    }

    static String translate(String p) {
        StringBuilder out = new StringBuilder(p.length() + 8);
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char next = p.charAt(i + 1);
                out.append('\\').append(next == 'Z' ? 'z' : next);
                i += 2;
            } else if (p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
            } else if (p.startsWith("(?P=", i)) {
                int close = p.indexOf(')', i);
                if (close < 0) {
                    out.append(p, i, p.length());
                    break;
                }
                out.append("\\k<").append(p, i + 4, close).append('>');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
