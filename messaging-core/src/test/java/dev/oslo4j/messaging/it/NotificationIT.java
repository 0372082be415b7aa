package dev.oslo4j.messaging.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The notification contract on the shared RabbitMQ (skipped, with one line, when it is not running). */
class NotificationIT extends NotificationContract {

    @RegisterExtension
    final RabbitBroker rabbit = new RabbitBroker();

    @Override
    BrokerAccess broker() {
        return new BrokerAccess() {
            @Override
            public String url() {
                return RabbitBroker.URL;
            }

            @Override
            public String uniqueName(String prefix) {
                return rabbit.uniqueTopic(prefix);
            }

            @Override
            public <T> T withChannel(RabbitBroker.ChannelWork<T> work) throws Exception {
                return RabbitBroker.withChannel(work);
            }

            @Override
            public void deleteQueueAfter(String... names) {
                rabbit.deleteQueueAfter(names);
            }

            @Override
            public void deleteExchangeAfter(String... names) {
                rabbit.deleteExchangeAfter(names);
            }
        };
    }
}
