package io.switchboard.esl.connection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.esl.translate.LiveChannel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code api show channels as json} (fixture 10:
 * {@code {"row_count":3,"rows":[{"uuid":...,"direction":"outbound","callstate":"ACTIVE","call_uuid":...}]}};
 * with no channels FreeSWITCH sends only {@code {"row_count":0}}).
 */
final class ChannelList {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Set<String> ANSWERED = Set.of("ACTIVE", "HELD");

    private ChannelList() {
    }

    /**
     * The channels listed.
     *
     * @throws IllegalArgumentException if the body is not such a list (e.g. {@code -ERR ...})
     */
    static List<LiveChannel> parse(String body) {
        List<LiveChannel> channels = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body.trim())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a channel list: " + MalformedFrames.sample(body));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("rows") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        row(parser).ifPresent(channels::add);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a channel list: " + MalformedFrames.sample(body), e);
        }
        return channels;
    }

    private static Optional<LiveChannel> row(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                fields.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        String uuid = fields.getOrDefault("uuid", "");
        if (uuid.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LiveChannel(uuid, nonBlank(fields.get("call_uuid")),
                "outbound".equals(fields.get("direction")), ANSWERED.contains(fields.get("callstate")),
                nonBlank(fields.get("dest")), nonBlank(fields.get("cid_num"))));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }
}
