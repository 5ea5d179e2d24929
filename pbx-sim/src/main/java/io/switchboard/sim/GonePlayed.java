package io.switchboard.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last {@value #KEPT} channels that are gone had been played, by channel name (Asterisk) or uuid
 * (FreeSWITCH), so a test can ask what a call heard after the glue hung it up. Engine thread only.
 */
public final class GonePlayed {

    /** How many gone channels are remembered. */
    public static final int KEPT = 1000;

    private final Map<String, List<String>> played = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > KEPT;
        }
    };

    /** The channel {@code name} is gone, having been played {@code sounds}. */
    public void remember(String name, List<String> sounds) {
        played.put(name, List.copyOf(sounds));
    }

    /** What the gone channel {@code name} had been played; empty if it is not one of the last remembered. */
    public List<String> of(String name) {
        return played.getOrDefault(name, List.of());
    }
}
