package example.inventory;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Items on hand, by name. */
@Component
public class Stock {

    private final Map<String, Integer> onHand = new ConcurrentHashMap<>();

    public int count(String item) {
        return onHand.getOrDefault(item, 0);
    }

    public void add(String item, int count) {
        onHand.merge(item, count, Integer::sum);
    }

    /** Takes {@code count} of {@code item}; false (and nothing taken) when there are fewer. */
    public boolean take(String item, int count) {
        boolean[] taken = {false};
        onHand.computeIfPresent(item, (k, have) -> {
            taken[0] = have >= count;
            return taken[0] ? have - count : have;
        });
        return taken[0];
    }
}
