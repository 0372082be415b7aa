package dev.oslo4j.messaging.driver.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LostAcksTest {

    @Test
    void aMessageAcknowledgedOnTheLostChannelIsRecognisedOnceWhenItComesBack() {
        LostAcks lost = new LostAcks(16);
        lost.acked("a");
        lost.acked("b");
        lost.channelReplaced();

        assertThat(lost.alreadyProcessed("a")).isTrue();
        assertThat(lost.alreadyProcessed("a")).as("each suspect matches once").isFalse();
        assertThat(lost.alreadyProcessed("b")).as("a broker restart may not flag it redelivered").isTrue();
        assertThat(lost.alreadyProcessed("c")).as("never acknowledged here").isFalse();
    }

    @Test
    void onlyTheLastCapacityAcknowledgementsAreSuspects() {
        LostAcks lost = new LostAcks(16);
        for (int i = 0; i < 40; i++) {
            lost.acked("m" + i);
        }
        lost.channelReplaced();

        assertThat(lost.alreadyProcessed("m23")).as("older than the prefetch: the broker had settled it")
                .isFalse();
        assertThat(lost.alreadyProcessed("m24")).isTrue();
        assertThat(lost.alreadyProcessed("m39")).isTrue();
    }

    @Test
    void nothingIsSuspectBeforeAChannelWasLost() {
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
}
