package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether stderr is a terminal: the launcher's answer first, else what Linux says fd 2 is. */
class StderrTerminalTest {

    @TempDir
    Path dir;

    @Test
    void theLaunchersAnswerWins() throws Exception {
        Path terminal = Files.createSymbolicLink(dir.resolve("fd2"), Path.of("/dev/pts/7"));
        assertThat(StderrTerminal.isTerminal(Map.of(StderrTerminal.ENV, "1"), dir.resolve("absent"))).isTrue();
        assertThat(StderrTerminal.isTerminal(Map.of(StderrTerminal.ENV, "0"), terminal)).isFalse();
    }

    @Test
    void withoutTheLauncherFd2sTargetDecides() throws Exception {
        for (String tty : new String[] {"/dev/pts/0", "/dev/tty1", "/dev/ttyS0", "/dev/console"}) {
            Path fd2 = Files.createSymbolicLink(dir.resolve("fd2-" + tty.replace('/', '_')), Path.of(tty));
            assertThat(StderrTerminal.isTerminal(Map.of(), fd2)).as(tty).isTrue();
        }
        Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("bench.log"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
        Path devNull = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        assertThat(StderrTerminal.isTerminal(Map.of(), file)).isFalse();
        assertThat(StderrTerminal.isTerminal(Map.of(), pipe)).isFalse();
        assertThat(StderrTerminal.isTerminal(Map.of(), devNull)).isFalse();
        assertThat(StderrTerminal.isTerminal(Map.of(), dir.resolve("no-proc"))).isFalse();
    }

    @Test
    void thisTestJvmsStderrIsNotATerminal() {
        // surefire's forked JVM writes stderr into a pipe: no progress bar may be drawn there
        assertThat(StderrTerminal.isTerminal(Map.of(), Path.of("/proc/self/fd/2"))).isFalse();
    }
}
