package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.oslo4j.testsupport.PythonProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The harness itself, without a broker: an rpc-client peer is ready before it connects anywhere,
 * so commands, error reporting, start failures and process clean-up can all be checked here.
 */
@RequiresPython
class PythonPeerHarnessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Nothing listens on port 1 of loopback; the rpc-client only connects on its first call. */
    private static final String UNUSED_URL = "rabbit://guest:guest@127.0.0.1:1/";

    @Test
    void aStartedPeerAnswersCommandsInOrderOfIds() {
        try (PythonPeer peer = PythonPeer.start(PeerRole.RPC_CLIENT, PeerConfig.forUrl(UNUSED_URL).json())) {
            assertThat(peer.readyEvent().path("role").asText()).isEqualTo("rpc-client");
            JsonNode reply = peer.request(PeerCommand.op("ping").json(), WAIT);
            assertThat(reply.path("pong").asBoolean()).as("reply %s", reply).isTrue();
        }
    }

    @Test
    void anUnknownOpIsAnsweredWithAnErrorNamingTheKnownOps() {
        try (PythonPeer peer = PythonPeer.start(PeerRole.RPC_CLIENT, PeerConfig.forUrl(UNUSED_URL).json())) {
            PeerError error = new PeerReply(peer.request(PeerCommand.op("frobnicate").json(), WAIT)).error();
            assertThat(error.qualifiedName()).isEqualTo("builtins.ValueError");
            assertThat(error.message()).isEqualTo("unknown op 'frobnicate'; this peer understands "
                    + "['call', 'can_send_version', 'cast', 'ping']");
        }
    }

    @Test
    void aLineThatIsNotJsonIsReportedAndThePeerCarriesOn() {
        try (PythonPeer peer = PythonPeer.start(PeerRole.RPC_CLIENT, PeerConfig.forUrl(UNUSED_URL).json())) {
            peer.send(PeerJson.tree("not an object"));
            JsonNode complaint = peer.awaitLine(e -> e.has("error") && e.path("id").isNull(), WAIT);
            assertThat(complaint.at("/error/message").asText()).isEqualTo("a command must be a JSON object, got str");
            assertThat(peer.request(PeerCommand.op("ping").json(), WAIT).path("pong").asBoolean()).isTrue();
        }
    }

    @Test
    void aBadConfigurationFailsTheStartWithThePythonErrorAndLeavesNoProcess() {
        PeerConfig config = PeerConfig.forUrl("rabbit://guest:guest@127.0.0.1:1/?no_such_option=1")
                .with("topic", "t").with("server", "s");
        Throwable failure = catchThrowable(() -> PythonPeer.start(PeerRole.RPC_SERVER, config.json()));
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not print the \"ready\" event")
                .hasMessageContaining("it ended its output and exited with code 2")
                .hasMessageContaining("\"event\":\"fatal\"")
                .hasMessageContaining("no such option no_such_option in group [oslo_messaging_rabbit]");
        assertNoProcessLeft(failure);
    }

    @Test
    void aPeerThatNeverGetsReadyIsKilledAndItsStderrShown() {
        // The server retries its connection to the closed port forever; the deadline must end it.
        PeerConfig config = PeerConfig.forUrl(UNUSED_URL).with("topic", "t").with("server", "s");
        Throwable failure = catchThrowable(() -> PythonPeer.start(PeerRole.RPC_SERVER, config.json(),
                Duration.ofSeconds(4)));
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not print the \"ready\" event within PT4S")
                .hasMessageContaining("stderr tail:")
                .hasMessageContaining("Connection refused");
        assertNoProcessLeft(failure);
    }

    @Test
    void closingStopsThePeerCleanly() {
        PythonPeer peer = PythonPeer.start(PeerRole.RPC_CLIENT, PeerConfig.forUrl(UNUSED_URL).json());
        ProcessHandle handle = ProcessHandle.of(peer.pid()).orElseThrow();
        peer.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(peer.lines()).last().satisfies(e -> assertThat(e.path("event").asText()).isEqualTo("stopped"));
        assertThat(PythonProcess.isLive(handle.pid())).isFalse();
    }

    @Test
    void closingKillsAPeerThatDoesNotStopByItself() throws IOException, InterruptedException {
        PythonPeer peer = PythonPeer.start(PeerRole.RPC_CLIENT, PeerConfig.forUrl(UNUSED_URL).json());
        ProcessHandle handle = ProcessHandle.of(peer.pid()).orElseThrow();
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(peer.pid())).start();
        assertThat(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0).as("kill -STOP worked").isTrue();
        peer.close(Duration.ofSeconds(1));  // a stopped process cannot act on stdin EOF: it must be killed
        assertThat(handle.isAlive()).isFalse();
        assertThat(PythonProcess.isLive(handle.pid())).isFalse();
    }

    /** The failed peer (named in the failure as "pid N") is gone and no longer registered for the exit hook. */
    private static void assertNoProcessLeft(Throwable failure) {
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(failure.getMessage());
        assertThat(pid.find()).as("the failure names the peer's pid: %s", failure.getMessage()).isTrue();
        long id = Long.parseLong(pid.group(1));
        assertThat(ProcessHandle.of(id).map(ProcessHandle::isAlive)).as("process %d", id).isNotEqualTo(Optional.of(true));
        assertThat(PythonProcess.isLive(id)).isFalse();
    }
}
