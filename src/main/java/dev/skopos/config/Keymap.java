package dev.skopos.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table from keys to actions. Built by {@link KeymapLoader}; validated so that every key
 * means one action and quit and back can always be reached.
 */
public final class Keymap {

    private final String name;
    private final Map<Action, List<KeyChord>> keysByAction;
    private final Map<KeyChord, Action> actionByKey;

    public Keymap(String name, Map<Action, List<KeyChord>> keysByAction) {
        this.name = name;
        EnumMap<Action, List<KeyChord>> copy = new EnumMap<>(Action.class);
        Map<KeyChord, Action> reverse = new HashMap<>();
        for (Map.Entry<Action, List<KeyChord>> e : keysByAction.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
            for (KeyChord key : e.getValue()) {
                Action previous = reverse.putIfAbsent(key, e.getKey());
                if (previous != null && previous != e.getKey()) {
                    throw new IllegalArgumentException("key '" + key.label() + "' is bound to both '"
                            + previous.id() + "' and '" + e.getKey().id() + "'");
                }
            }
        }
        for (Action required : List.of(Action.QUIT, Action.BACK)) {
            if (copy.getOrDefault(required, List.of()).isEmpty()) {
                throw new IllegalArgumentException("action '" + required.id() + "' needs at least one key");
            }
        }
        this.keysByAction = Collections.unmodifiableMap(copy);
        this.actionByKey = Collections.unmodifiableMap(reverse);
    }

    public String name() {
        return name;
    }

    /** The action bound to a key, or null. */
    public Action actionFor(KeyChord key) {
        return actionByKey.get(key);
    }

    public List<KeyChord> keysFor(Action action) {
        return keysByAction.getOrDefault(action, List.of());
    }

    /** The keys joined for display ({@code j/down}), empty when unbound. */
    public String keyLabel(Action action) {
        return String.join("/", keysFor(action).stream().map(KeyChord::label).toList());
    }

    /** The first key, the one the hint bar shows, or null when unbound. */
    public String primaryKeyLabel(Action action) {
        List<KeyChord> keys = keysFor(action);
        return keys.isEmpty() ? null : keys.get(0).label();
    }
}
