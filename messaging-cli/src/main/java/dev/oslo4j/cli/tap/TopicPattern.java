package dev.oslo4j.cli.tap;

import java.util.List;

/**
 * An AMQP topic-exchange binding pattern ({@code *} one dot-separated word, {@code #} zero or more), matched
 * the way RabbitMQ matches it, for what the tap sees through the firehose rather than through a binding.
 */
final class TopicPattern {
    private final List<String> words;

    TopicPattern(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("--topic must not be empty (use '#' for every topic)");
        }
        this.words = List.of(pattern.split("\\.", -1));
    }

    boolean matches(String routingKey) {
        return matches(0, List.of(routingKey.split("\\.", -1)), 0);
    }

    private boolean matches(int p, List<String> key, int k) {
        if (p == words.size()) {
            return k == key.size();
        }
        String word = words.get(p);
        if (word.equals("#")) {
            for (int skip = k; skip <= key.size(); skip++) {
                if (matches(p + 1, key, skip)) {
                    return true;
                }
            }
            return false;
        }
        return k < key.size() && (word.equals("*") || word.equals(key.get(k))) && matches(p + 1, key, k + 1);
    }
}
