package dev.oslo4j.junit.examples;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBrokerConfig;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.support.TestKitOnly;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Injection cases run through the test kit by {@code InjectionTest}. */
public final class InjectionExamples {

    private InjectionExamples() {
    }

    /** Keeps what a test was given, to look at it after the test ended. */
    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class KeepsItsTransport {
        public static volatile Transport kept;

        @Test
        void keep(Transport transport) {
            kept = transport;
        }
    }

    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class ConstructorInjection {
        ConstructorInjection(OsloBus bus) {
        }

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    public static class BeforeAllInjection {
        @BeforeAll
        static void setUp(Transport transport) {
        }

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    @OsloBrokerConfig(options = "rpc_respnse_timeout=2")
    public static class MisspeltOption {
        @Test
        void test(OsloBus bus) {
        }
    }

    @TestKitOnly
    @ExtendWith(OsloBroker.class)
    @OsloBrokerConfig(options = "rpc_response_timeout")
    public static class OptionWithoutValue {
        @Test
        void test(OsloBus bus) {
        }
    }
}
