package dev.oslo4j.messaging.bench;

import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;

import java.util.Map;

/**
 * Tuning benchmark (not a test): what encoding and decoding one cast costs at a given payload size (default
 * 1 MB, the payload a string as {@code oslo4j bench} sends it), so that the JSON share of a 1 MB bench run can be
 * told from its broker and socket share. Usage: {@code JsonShareBench [payloadBytes] [iterations]}.
 */
public final class JsonShareBench {

    private JsonShareBench() {
    }

    public static void main(String[] args) throws Exception {
        int bytes = args.length > 0 ? Integer.parseInt(args[0]) : 1_048_576;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String payload = "x".repeat(bytes);
        RpcRequest request = new RpcRequest("record", Map.of("payload", payload), null, null, Map.of());
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long encode = 0;
            long decode = 0;
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                byte[] body = RpcMessages.encodeCast(request, Ids.hex32());
                long t1 = System.nanoTime();
                sink += RpcMessages.decode(Envelope.unwrap(body)).methodName().length();
                long t2 = System.nanoTime();
                encode += t1 - t0;
                decode += t2 - t1;
                sink += body.length;
            }
            if (round == 1) {
                System.out.printf("payload %d bytes: encode %.3f ms, decode %.3f ms per cast (%d casts)%n", bytes,
                        encode / 1e6 / iterations, decode / 1e6 / iterations, iterations);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
