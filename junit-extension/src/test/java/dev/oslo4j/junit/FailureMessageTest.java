package dev.oslo4j.junit;

import dev.oslo4j.junit.examples.FailingAssertionExamples;
import dev.oslo4j.junit.support.ExampleRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of failed bus assertions, read from example tests that fail on purpose: what was expected, the verdict,
 * and everything recorded, nearest match first, with what differs.
 */
class FailureMessageTest {

    private static ExampleRun run;

    @BeforeAll
    static void runExamples() {
        run = ExampleRun.of(FailingAssertionExamples.class);
    }

    private static String messageOf(String test) {
        Throwable failure = run.failureOf(test);
        assertThat(failure).isExactlyInstanceOf(AssertionError.class);
        return failure.getMessage();
    }

    @Test
    void wrongArgumentListsEverythingNearestMatchFirst() {
        assertThat(messageOf("wrongArg")).isEqualTo("""

                Expecting a cast
                  to Target(topic=compute, server=host1) (exchange "openstack", routing key "compute.host1")
                  of method "reboot_instance"
                  with arg "instance_id" = "uuid-1"
                within 300ms, but none of the 3 recorded messages matched.
                Recorded during the test (3 messages), nearest match first:
                  #2 cast to exchange "openstack", routing key "compute.host1" (UNROUTABLE: no queue received it)
                         method: "reboot_instance"
                         args: {"instance_id": "uuid-2", "reboot_type": "SOFT"}
                         context: {"request_id": "req-1"}
                         mismatch: arg "instance_id" was "uuid-2"
                  #3 cast to exchange "openstack", routing key "compute.host1" (UNROUTABLE: no queue received it)
                         method: "rebuild_instance"
                         args: {"instance_id": "uuid-1", "reboot_type": "SOFT"}
                         context: {"request_id": "req-1"}
                         mismatch: method was "rebuild_instance"
                  #1 notification INFO to exchange "openstack", routing key "notifications.info"
                         event_type: "compute.instance.reboot.start"
                         publisher_id: "api.controller1"
                         payload: {"instance_id": "uuid-2"}
                         context: {"request_id": "req-1"}
                         mismatch: not a cast: a notification""");
    }

    @Test
    void nothingPublishedSaysSoAndHints() {
        assertThat(messageOf("nothingPublished")).isEqualTo("""

                Expecting a cast
                  to Target(topic=compute, server=host1) (exchange "openstack", routing key "compute.host1")
                  of method "reboot_instance"
                within 300ms, but nothing was recorded.
                Nothing at all was published during the test (is the code under test using this test's Transport,\
                 or the URL from @OsloUrl?).""");
    }

    @Test
    void tooFewMatchesNameTheOnesFound() {
        assertThat(messageOf("tooFew")).isEqualTo("""

                Expecting exactly 2 casts
                  to Target(topic=compute, server=host1) (exchange "openstack", routing key "compute.host1")
                  of method "reboot_instance"
                within 300ms, but only 1 matched (#1).
                Recorded during the test (1 message), nearest match first:
                  #1 cast to exchange "openstack", routing key "compute.host1" (UNROUTABLE: no queue received it)
                         method: "reboot_instance"
                         args: {"instance_id": "uuid-1", "reboot_type": "SOFT"}
                         context: {"request_id": "req-1"}""");
    }

    @Test
    void aCastIsNotACall() {
        assertThat(messageOf("callExpectedButCast"))
                .startsWith("\nExpecting a call\n")
                .contains("within 300ms, but the only recorded message did not match.\n")
                .endsWith("         mismatch: a cast, not a call");
    }

    @Test
    void aFailedRequirementShowsAssertJsOwnExplanation() {
        assertThat(messageOf("argRequirementFails")).endsWith("""
                  with arg "reboot_type" satisfying the given requirement
                within 300ms, but the only recorded message did not match.
                Recorded during the test (1 message), nearest match first:
                  #1 cast to exchange "openstack", routing key "compute.host1" (UNROUTABLE: no queue received it)
                         method: "reboot_instance"
                         args: {"instance_id": "uuid-1", "reboot_type": "SOFT"}
                         context: {"request_id": "req-1"}
                         mismatch: arg "reboot_type" "SOFT" did not satisfy the requirement: expected: "HARD"
                                   but was: "SOFT\"""");
    }

    @Test
    void descriptionsComeFirstInBracketsAsInAssertJ() {
        assertThat(messageOf("describedBus")).startsWith("[the reboot of uuid-1] \nExpecting a cast\n");
        assertThat(messageOf("describedNarrowing")).startsWith("[a hard reboot] \nExpecting a cast\n")
                .contains("  with arg \"reboot_type\" = \"HARD\"\n")
                .contains("mismatch: arg \"reboot_type\" was \"SOFT\"");
    }

    @Test
    void negativesShowTheOffendingMessages() {
        assertThat(messageOf("unexpectedCast")).isEqualTo("""

                Expecting no cast
                  to Target(topic=compute, server=host1) (exchange "openstack", routing key "compute.host1")
                  of method "delete_instance"
                but found 1 (#1).
                Recorded during the test (1 message), nearest match first:
                  #1 cast to exchange "openstack", routing key "compute.host1" (UNROUTABLE: no queue received it)
                         method: "delete_instance"
                         args: {"instance_id": "uuid-1", "reboot_type": "SOFT"}
                         context: {"request_id": "req-1"}""");
        assertThat(messageOf("unexpectedNotification")).isEqualTo("""

                Expecting no notification
                but found 1 (#1).
                Recorded during the test (1 message), nearest match first:
                  #1 notification ERROR to exchange "openstack", routing key "notifications.error"
                         event_type: "compute.instance.delete.error"
                         publisher_id: "api.controller1"
                         payload: {"instance_id": "uuid-1"}
                         context: {"request_id": "req-1"}""");
    }

    @Test
    void notificationMismatchesNameEachDifference() {
        assertThat(messageOf("wrongEventType")).isEqualTo("""

                Expecting a notification
                  with priority INFO
                  with event_type "compute.instance.reboot.start"
                within 300ms, but none of the 2 recorded messages matched.
                Recorded during the test (2 messages), nearest match first:
                  #1 notification INFO to exchange "openstack", routing key "notifications.info"
                         event_type: "compute.instance.reboot.end"
                         publisher_id: "api.controller1"
                         payload: {"instance_id": "uuid-1"}
                         context: {"request_id": "req-1"}
                         mismatch: event_type was "compute.instance.reboot.end"
                  #2 notification WARN to exchange "openstack", routing key "notifications.warn"
                         event_type: "compute.instance.reboot.start"
                         publisher_id: "api.controller1"
                         payload: {"instance_id": "uuid-1"}
                         context: {"request_id": "req-1"}
                         mismatch: priority was WARN""");
    }

    @Test
    void longRecordingsAreCutAfterFiftyMessages() {
        String message = messageOf("manyMessages");
        assertThat(message).contains("Recorded during the test (60 messages), nearest match first:\n")
                .endsWith("\n  … and 10 more (bus.messages() has them all)");
        assertThat(message.lines().filter(l -> l.startsWith("  #"))).hasSize(50);
    }

    @Test
    void theFirstStackFrameIsTheTestsOwnLine() {
        StackTraceElement top = run.failureOf("wrongArg").getStackTrace()[0];
        assertThat(top.getClassName()).isEqualTo(FailingAssertionExamples.class.getName());
        assertThat(top.getMethodName()).isEqualTo("wrongArg");
    }
}
