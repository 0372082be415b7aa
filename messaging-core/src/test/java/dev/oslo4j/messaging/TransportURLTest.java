package dev.oslo4j.messaging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportURLTest {

    @Test
    void parsesFullUrl() {
        TransportURL u = TransportURL.parse("rabbit://nova:s3cret@rabbit1:5673/nova?rabbit_qos_prefetch_count=10");
        assertThat(u.transport()).isEqualTo("rabbit");
        assertThat(u.hosts()).containsExactly(new TransportHost("rabbit1", 5673, "nova", "s3cret"));
        assertThat(u.virtualHost()).isEqualTo("nova");
        assertThat(u.effectiveVirtualHost()).isEqualTo("nova");
        assertThat(u.query()).isEqualTo(Map.of("rabbit_qos_prefetch_count", "10"));
    }

    @Test
    void hostsAreIndependentAndEmptyPiecesSkipped() {
        TransportURL u = TransportURL.parse("rabbit://a:pa@h1:1,,h2,b@h3:3/");
        assertThat(u.hosts()).extracting(TransportHost::hostname).containsExactly("h1", "h2", "h3");
        TransportHost h2 = u.hosts().get(1);
        assertThat(h2.username()).isNull();
        assertThat(h2.effectiveUsername()).isEqualTo("guest");
        assertThat(h2.effectivePassword()).isEqualTo("guest");
        assertThat(h2.effectivePort()).isEqualTo(5672);
        TransportHost h3 = u.hosts().get(2);
        assertThat(h3.username()).isEqualTo("b");
        assertThat(h3.password()).isNull();
        assertThat(h3.effectivePassword()).isEqualTo("guest");
    }

    @Test
    void credentialsSplitAtLastAtAndFirstColonAndArePercentDecoded() {
        TransportURL u = TransportURL.parse("rabbit://us%40er:p%3Aa:ss@w@host/");
        TransportHost h = u.hosts().get(0);
        assertThat(h.username()).isEqualTo("us@er");
        assertThat(h.password()).isEqualTo("p:a:ss@w");
        assertThat(TransportURL.parse("rabbit://u:p%2Fq@h/").hosts().get(0).password()).isEqualTo("p/q");
    }

    @Test
    void ipv6HostsWithAndWithoutPort() {
        TransportURL u = TransportURL.parse("rabbit://u:p@[::1]:5673,[fe80::2]/");
        assertThat(u.hosts().get(0).hostname()).isEqualTo("::1");
        assertThat(u.hosts().get(0).port()).isEqualTo(5673);
        assertThat(u.hosts().get(0).address()).isEqualTo("[::1]:5673");
        assertThat(u.hosts().get(1).port()).isNull();
    }

    @Test
    void noHostMeansLocalhostGuest() {
        for (String url : List.of("rabbit://", "rabbit:///")) {
            TransportURL u = TransportURL.parse(url);
            assertThat(u.hosts()).isEmpty();
            assertThat(u.effectiveHosts()).singleElement()
                    .satisfies(h -> assertThat(h.address()).isEqualTo("localhost:5672"));
        }
    }

    @Test
    void virtualHostRulesFollowKombu() {
        assertThat(TransportURL.parse("rabbit://h").virtualHost()).isNull();
        assertThat(TransportURL.parse("rabbit://h").effectiveVirtualHost()).isEqualTo("/");
        assertThat(TransportURL.parse("rabbit://h/").effectiveVirtualHost()).isEqualTo("/");
        assertThat(TransportURL.parse("rabbit://h//").virtualHost()).isEqualTo("/");
        assertThat(TransportURL.parse("rabbit://h//").effectiveVirtualHost()).isEqualTo("/");
        assertThat(TransportURL.parse("rabbit://h/%2F").effectiveVirtualHost()).isEqualTo("/");
        assertThat(TransportURL.parse("rabbit://h/my%20vh").effectiveVirtualHost()).isEqualTo("my vh");
        assertThat(TransportURL.parse("rabbit://h/v%2541").virtualHost()).isEqualTo("v%41");
        assertThat(TransportURL.parse("rabbit://h/v%2541").effectiveVirtualHost()).isEqualTo("vA");
    }

    @Test
    void repeatedQueryKeysAreJoinedAndBlankValuesDropped() {
        TransportURL u = TransportURL.parse("rabbit://h/?a=1&a=2&b=&c=x+y");
        assertThat(u.query()).isEqualTo(Map.of("a", "1,2", "c", "x y"));
    }

    @Test
    void schemeIsLowerCasedAndFragmentIgnored() {
        assertThat(TransportURL.parse("RABBIT://h/#frag").transport()).isEqualTo("rabbit");
    }

    @Test
    void passwordsAreMaskedEverywhere() {
        TransportURL u = TransportURL.parse("rabbit://nova:topsecret@h1,other:pw2@h2:5673/v");
        assertThat(u.toString()).isEqualTo("rabbit://nova:****@h1,other:****@h2:5673/v").doesNotContain("topsecret");
        assertThat(u.hosts().get(0).toString()).doesNotContain("topsecret");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://nova:topsecret@h1:99999/"))
                .isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("out of range").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://nova:top%zzsecret@h1/"))
                .isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("password").hasMessageNotContaining("secret").hasMessageNotContaining("%zz");
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> TransportURL.parse("")).isInstanceOf(InvalidTransportURL.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> TransportURL.parse("localhost:5672")).isInstanceOf(InvalidTransportURL.class);
        assertThatThrownBy(() -> TransportURL.parse("host")).isInstanceOf(InvalidTransportURL.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> TransportURL.parse("rabbit:host")).isInstanceOf(InvalidTransportURL.class).hasMessageContaining("//");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://h:abc/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("port 'abc'");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://u:p@:5672/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("host name").hasMessageContaining("empty");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://[::1/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("']'");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://h/v%4")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("virtual host");
        assertThatThrownBy(() -> TransportURL.parse("rabbit://h:0/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void aUrlWithoutSchemeDoesNotEchoItsPassword() {
        // "guest:" reads as a scheme here; the password behind it must still be masked
        assertThatThrownBy(() -> TransportURL.parse("guest:secret@h/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("scheme").hasMessageContaining("guest:****@h/").hasMessageNotContaining("secret");
    }

    @Test
    void unsupportedSchemesAreRefusedWhenOpening() {
        assertThatThrownBy(() -> Transport.open("amqp://h/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("AMQP 1.0");
        assertThatThrownBy(() -> Transport.open("kafka://u:secret@h/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("'kafka'").hasMessageNotContaining("secret");
    }

    @Test
    void unknownQueryOptionFailsBeforeConnecting() {
        assertThatThrownBy(() -> Transport.open("rabbit://u:secret@h/?rabit_qos_prefetch_count=1"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("transport URL option 'rabit_qos_prefetch_count' is unknown; did you mean"
                        + " 'rabbit_qos_prefetch_count'?");
        assertThatThrownBy(() -> Transport.open("rabbit://h/?ssl=maybe"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'ssl'").hasMessageContaining("boolean");
    }
}
