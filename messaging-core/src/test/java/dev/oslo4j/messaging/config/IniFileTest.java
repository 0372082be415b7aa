package dev.oslo4j.messaging.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** iniparser.py's dialect, rule by rule. */
class IniFileTest {

    private static IniFile parse(String text) {
        return IniFile.parse(Path.of("test.conf"), List.of(text.split("\n", -1)));
    }

    private static List<String> values(IniFile f, String section, String key) {
        return f.get(section, key).stream().map(IniFile.Assignment::value).toList();
    }

    @Test
    void separatorsQuotesAndCommentsAsIniparser() {
        IniFile f = parse("""
                # a comment
                ; another
                [DEFAULT]
                a = 1
                b: two
                c = x: y
                d: x = y
                e = "quoted"
                f = 'single'
                g = "mismatched'
                h = value # not a comment
                i =
                """);
        assertThat(values(f, "DEFAULT", "a")).containsExactly("1");
        assertThat(values(f, "DEFAULT", "b")).containsExactly("two");
        assertThat(values(f, "DEFAULT", "c")).containsExactly("x: y");
        assertThat(values(f, "DEFAULT", "d")).containsExactly("x = y");
        assertThat(values(f, "DEFAULT", "e")).containsExactly("quoted");
        assertThat(values(f, "DEFAULT", "f")).containsExactly("single");
        assertThat(values(f, "DEFAULT", "g")).containsExactly("\"mismatched'");
        assertThat(values(f, "DEFAULT", "h")).containsExactly("value # not a comment");
        assertThat(values(f, "DEFAULT", "i")).containsExactly("");
    }

    @Test
    void continuationLinesJoinWithNewlinesUntilABlankLine() {
        IniFile f = parse("[s]\nk = first\n  second\n\tthird\n\nnext = 1\n");
        assertThat(values(f, "s", "k")).containsExactly("first\nsecond\nthird");
        assertThat(values(f, "s", "next")).containsExactly("1");
    }

    @Test
    void repeatedKeysKeepEveryValueAndSectionsAreNormalized() {
        IniFile f = parse("[Oslo_Messaging_Notifications]\ndriver = a\n[oslo_messaging_notifications]\ndriver = b\n"
                + "[DEFAULT]\nx = 1\n[default]\nx = 2\n");
        assertThat(values(f, "oslo_messaging_notifications", "driver")).containsExactly("a", "b");
        assertThat(values(f, "DEFAULT", "x")).containsExactly("1");
        assertThat(values(f, "default", "x")).containsExactly("2"); // only DEFAULT keeps its case
    }

    @Test
    void malformedLinesNameFileLineAndReason() {
        assertThatThrownBy(() -> parse("[DEFAULT]\njust words\n"))
                .hasMessage("config file test.conf line 2: no ':' or '=' found in assignment: 'just words'");
        assertThatThrownBy(() -> parse("[DEFAULT\n")).hasMessageContaining("line 1: invalid section (must end with ])");
        assertThatThrownBy(() -> parse("[]\n")).hasMessageContaining("line 1: empty section name");
        assertThatThrownBy(() -> parse("[s]\n= v\n")).hasMessageContaining("line 2: key cannot be empty");
        assertThatThrownBy(() -> parse("k = v\n")).hasMessageContaining("section must be started before assignment");
        assertThatThrownBy(() -> parse("[s]\n  indented\n")).hasMessageContaining("line 2: unexpected continuation line");
    }

    @Test
    void echoedLinesNeverShowAPassword() {
        assertThatThrownBy(() -> parse("[s]\n  rabbit://nova:s3cret@h/\n"))
                .hasMessageContaining("rabbit://nova:****@h/").hasMessageNotContaining("s3cret");
    }
}
