package dev.oslo4j.messaging.notify;

import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatch} (POSIX: case-sensitive) for routing rules: {@code *} any run of characters
 * (dots included), {@code ?} one character, {@code [seq]} / {@code [!seq]} a character class; the whole name
 * must match.
 */
final class FnMatch {

    private final Pattern pattern;
    private final String source;

    FnMatch(String glob) {
        this.source = glob;
        this.pattern = Pattern.compile(translate(glob), Pattern.DOTALL);
    }

    boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return source;
    }

    static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");       // no closing bracket: a literal '[' as in Python
                } else {
                    String body = glob.substring(i, j);
                    i = j + 1;
                    StringBuilder cls = new StringBuilder("[");
                    int k = 0;
                    if (body.startsWith("!")) {
                        cls.append('^');
                        k = 1;
                    }
                    for (; k < body.length(); k++) {
                        char b = body.charAt(k);
                        // Only '-' keeps its range meaning; every other special character is literal.
                        if (b == '-' || Character.isLetterOrDigit(b)) {
                            cls.append(b);
                        } else {
                            cls.append('\\').append(b);
                        }
                    }
                    re.append(cls.append(']'));
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
