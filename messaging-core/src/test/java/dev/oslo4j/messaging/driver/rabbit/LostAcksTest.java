package dev.oslo4j.messaging.driver.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LostAcksTest {

    @Test
    void aMessageAcknowledgedOnTheLostChannelIsRecognisedWhenItComesBack() {
        LostAcks lost = new LostAcks(16);
        lost.acked("a");
        lost.acked("b");
        lost.channelReplaced();

        assertThat(lost.alreadyProcessed("a")).isTrue();
        assertThat(lost.alreadyProcessed("a")).as("a requeued original and a re-published copy: both").isTrue();
        assertThat(lost.alreadyProcessed("b")).as("a broker restart may not flag it redelivered").isTrue();
        assertThat(lost.alreadyProcessed("c")).as("never acknowledged here").isFalse();
    }

    @Test
    void onlyTheLastCapacityAcknowledgementsAreSuspects() {
        LostAcks lost = new LostAcks(16);
        int n = LostAcks.MIN_CAPACITY + 10;
        for (int i = 0; i < n; i++) {
            lost.acked("m" + i);
        }
        lost.channelReplaced();

        assertThat(lost.alreadyProcessed("m9")).as("older than the window: the broker had settled it").isFalse();
        assertThat(lost.alreadyProcessed("m10")).isTrue();
        assertThat(lost.alreadyProcessed("m" + (n - 1))).isTrue();
    }

    @Test
    void aCopyOfAMessageProcessedAfterTheReplacementIsRecognisedUntilTheWindowCloses() {
        LostAcks lost = new LostAcks(16);
        lost.channelReplaced();
        lost.acked("original"); // the original, queued before the fault, processed on the new channel

        assertThat(lost.alreadyProcessed("original")).as("the sender's re-published copy").isTrue();
        for (int i = 0; i < LostAcks.MIN_CAPACITY; i++) {
            lost.acked("later" + i);
        }
        assertThat(lost.alreadyProcessed("original")).as("no fault window any more: oslo's 16 ids only").isFalse();
    }

    @Test
    void withoutAFaultNothingBeyondOslosWindowIsDropped() {
        LostAcks lost = new LostAcks(16);
        lost.acked("a");

        assertThat(lost.alreadyProcessed("a")).isFalse();
    }

    @Test
    void aReplacementWithNothingAcknowledgedKeepsTheSuspectsOfTheOneBefore() {
        LostAcks lost = new LostAcks(16);
        lost.acked("a");
        lost.channelReplaced();
        lost.channelReplaced(); // the new channel died before delivering anything

        assertThat(lost.alreadyProcessed("a")).isTrue();
    }

    @Test
    void aConsumersFirstChannelIsNoFault() {
        LostAcks lost = new LostAcks(16);
        lost.channelOpened();
        lost.acked("a");
        assertThat(lost.alreadyProcessed("a")).as("no fault: oslo's 16-id window decides, not this").isFalse();
        lost.channelOpened(); // the second channel replaces the first
        assertThat(lost.alreadyProcessed("a")).as("acknowledged on the lost channel").isTrue();
    }
}
