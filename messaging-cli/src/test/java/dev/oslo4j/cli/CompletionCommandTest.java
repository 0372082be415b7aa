package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oslo4j completion bash|zsh}: the script is printed and, sourced into bash, completes commands and options. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashScriptCompletesCommandsAndOptions() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        Path script = Files.writeString(dir.resolve("oslo4j.bash"), run.out());

        assertThat(complete(script, "oslo4j", "ca")).containsExactlyInAnyOrder("call", "cast");
        assertThat(complete(script, "oslo4j", "comp")).containsExactly("completion");
        assertThat(complete(script, "oslo4j", "cast", "--ti")).containsExactly("--timeout");
        assertThat(complete(script, "oslo4j", "completion", "z")).containsExactly("zsh");
    }

    @Test
    void zshGetsTheSameScriptThroughBashcompinit() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
        assertThat(zsh.out()).startsWith("# oslo4j completion for zsh").contains("bashcompinit")
                .contains(CliRun.of("completion", "bash").out());
    }

    @Test
    void unknownShellIsBadUsage() {
        CliRun run = CliRun.of("completion", "fish");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("fish").contains("bash").contains("zsh");
        assertThat(run.out()).isEmpty();
    }

    /** What bash offers for the last word of {@code words}, with the script sourced. */
    private static List<String> complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + line + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\nCOMP_POINT=" + line.length() + "\n"
                + "_complete_oslo4j\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        // stderr: compopt complains outside a real completion; only the offered words matter
        Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
