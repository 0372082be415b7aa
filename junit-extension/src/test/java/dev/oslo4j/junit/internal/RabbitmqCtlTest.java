package dev.oslo4j.junit.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RabbitmqCtlTest {

    @Test
    void namesTravelAsByteBinariesSoAnyCharacterIsSafe() {
        assertThat(RabbitmqCtl.binary("hi")).isEqualTo("<<104,105>>");
        assertThat(RabbitmqCtl.binary("\"é")).isEqualTo("<<34,195,169>>");
        assertThat(RabbitmqCtl.binary("")).isEqualTo("<<>>");
    }

    @Test
    void aMissingCommandSaysHowToConfigureIt() {
        RabbitmqCtl ctl = new RabbitmqCtl(List.of("/nonexistent/rabbitmqctl"));
        assertThatThrownBy(() -> ctl.eval("ok."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run '/nonexistent/rabbitmqctl'")
                .hasMessageContaining("OSLO4J_TEST_RABBITMQCTL");
    }

    @Test
    void aFailingCommandReportsItsStatusAndOutput() {
        RabbitmqCtl ctl = new RabbitmqCtl(List.of("sh", "-c", "echo \"Error: no such vhost $1\"; exit 69", "sh"));
        assertThatThrownBy(() -> ctl.run("vh1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("'sh -c echo \"Error: no such vhost $1\"; exit 69 sh vh1' failed with exit status 69:"
                        + " Error: no such vhost vh1");
        assertThat(new RabbitmqCtl(List.of("echo")).run("fine")).isEqualTo("fine");
    }
}
