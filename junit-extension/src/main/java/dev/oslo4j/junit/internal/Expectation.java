package dev.oslo4j.junit.internal;

import dev.oslo4j.junit.RecordedMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an assertion looks for: a kind of message plus criteria, added one narrowing at a time. Knows which recorded
 * messages match and how near the others come (how many criteria they satisfy), for the failure message.
 *
 * @param <R> the message type the criteria read
 */
public final class Expectation<R extends RecordedMessage> {

    private final Class<R> type;
    private final String noun;
    private final List<Criterion<R>> criteria = new CopyOnWriteArrayList<>();

    /** @param noun how the expected kind reads: "cast", "call", "notification" */
    public Expectation(Class<R> type, String noun) {
        this.type = type;
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }

    public Expectation<R> add(Criterion<R> criterion) {
        criteria.add(criterion);
        return this;
    }

    /** The criteria as they read in a failure message (the kind is in the headline, not here). */
    public List<String> lines() {
        return criteria.stream().map(Criterion::expectation).filter(line -> !line.isEmpty()).toList();
    }

    public boolean matches(RecordedMessage m) {
        if (!type.isInstance(m)) {
            return false;
        }
        R r = type.cast(m);
        for (Criterion<R> c : criteria) {
            if (c.check(r) != null) {
                return false;
            }
        }
        return true;
    }

    public List<R> matches(List<RecordedMessage> all) {
        List<R> out = new ArrayList<>();
        for (RecordedMessage m : all) {
            if (matches(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** Every message with what it misses, nearest match (most criteria satisfied) first, then publish order. */
    public List<Ranked> rank(List<RecordedMessage> all) {
        List<Ranked> out = new ArrayList<>(all.size());
        for (RecordedMessage m : all) {
            out.add(rankOne(m));
        }
        out.sort(Comparator.comparingInt(Ranked::satisfied).reversed()
                .thenComparingInt(r -> r.message().sequence()));
        return out;
    }

    private Ranked rankOne(RecordedMessage m) {
        if (!type.isInstance(m)) {
            return new Ranked(m, -1, List.of("not a " + noun + ": " + MessageText.article(MessageText.noun(m))));
        }
        R r = type.cast(m);
        List<String> misses = new ArrayList<>();
        int satisfied = 0;
        for (Criterion<R> c : criteria) {
            String miss = c.check(r);
            if (miss == null) {
                satisfied++;
            } else {
                misses.add(miss);
            }
        }
        return new Ranked(m, satisfied, misses);
    }

    /**
     * A recorded message and how near it comes.
     *
     * @param satisfied  criteria it satisfies (-1: not even the expected kind)
     * @param mismatches what differs, one entry per unsatisfied criterion
     */
    public record Ranked(RecordedMessage message, int satisfied, List<String> mismatches) {
    }
}
