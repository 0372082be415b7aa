package dev.oslo4j.broker.internal.amqp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import org.apache.qpid.server.model.Consumer;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.queue.QueueEntry;
import org.apache.qpid.server.queue.QueueEntryIterator;

/**
 * Stream offsets on top of a Broker-J queue, whose internals it needs: every entry of a queue has an id one
 * above its predecessor's ({@code OrderedQueueEntryList}), so the id is the stream offset; and a consumer
 * reads on from the entry its {@code QueueContext} last saw, so setting that context before the first
 * delivery attaches it at any offset. Both are package-private in Broker-J; this class reaches them by
 * reflection on the pinned 10.1.0 and fails at class load if they are renamed.
 */
final class StreamEntries {

    /** The id of the first entry after the (id {@code Long.MIN_VALUE}) head of a queue's entry list. */
    private static final long FIRST_ID = Long.MIN_VALUE + 1;

    private static final MethodHandle ENTRY_ID;
    private static final MethodHandle SET_CONTEXT;
    private static final MethodHandle NEW_CONTEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> entryClass = Class.forName("org.apache.qpid.server.queue.QueueEntryImpl");
            Method entryId = entryClass.getDeclaredMethod("getEntryId");
            entryId.setAccessible(true);
            ENTRY_ID = lookup.unreflect(entryId).asType(MethodType.methodType(long.class, QueueEntry.class));
            Class<?> contextClass = Class.forName("org.apache.qpid.server.queue.QueueContext");
            Constructor<?> newContext = contextClass.getDeclaredConstructor(QueueEntry.class);
            newContext.setAccessible(true);
            NEW_CONTEXT = lookup.unreflectConstructor(newContext).asType(MethodType.methodType(Object.class, QueueEntry.class));
            Class<?> consumerClass = Class.forName("org.apache.qpid.server.queue.QueueConsumerImpl");
            Method setContext = consumerClass.getDeclaredMethod("setQueueContext", contextClass);
            setContext.setAccessible(true);
            SET_CONTEXT = lookup.unreflect(setContext)
                    .asType(MethodType.methodType(void.class, Consumer.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StreamEntries() {
    }

    /** The stream offset of an entry: 0 for the first message the queue ever held. */
    static long offset(QueueEntry entry) {
        try {
            return (long) ENTRY_ID.invokeExact(entry) - FIRST_ID;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the stream offset of " + entry, e);
        }
    }

    /**
     * Where a consumer starting at {@code start} attaches: the entry after which it reads, or null for
     * the head (read everything retained).
     */
    static QueueEntry attachPoint(Queue<?> queue, StreamOffset start) {
        if (start.kind() == StreamOffset.Kind.FIRST) {
            return null;
        }
        QueueEntry previous = null;
        QueueEntry last = null;
        QueueEntryIterator entries = queue.queueEntryIterator();
        while (entries.advance()) {
            QueueEntry entry = entries.getNode();
            if (entry == null || entry.isDeleted()) {
                continue;
            }
            boolean before = switch (start.kind()) {
                case OFFSET -> offset(entry) < start.value();
                case TIMESTAMP -> entry.getMessage() != null
                        && entry.getMessage().getArrivalTime() < start.value();
                default -> true; // LAST and NEXT: walk to the end
            };
            if (!before) {
                break;
            }
            previous = last;
            last = entry;
        }
        // RabbitMQ's "last" is the start of the last chunk; with one message per chunk, the last message.
        return start.kind() == StreamOffset.Kind.LAST ? previous : last;
    }

    /** Makes a consumer that has not received anything yet read on after {@code after}. */
    static void attach(Consumer<?, ?> consumer, QueueEntry after) {
        try {
            SET_CONTEXT.invokeExact(consumer, NEW_CONTEXT.invokeExact(after));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot position stream consumer " + consumer.getName(), e);
        }
    }
}
