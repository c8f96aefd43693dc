package dev.skopos.envoy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonTrees} must build exactly the trees the databind mapper used to build. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static JsonNode read(String json) throws IOException {
        try (JsonParser p = JsonTrees.FACTORY.createParser(json)) {
            p.nextToken();
            return JsonTrees.read(p);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1.50, 1.0, 0.0, -0.0, 1e10, 1E+2, 2.5e-3, 100.00, 1e400, -3.25]",
        "[7, -1, 2147483648, -2147483649, 12345678901, 123456789012345678901234]",
        "{\"a\": {\"b\": [true, false, null, \"x\\u00e9\\n\"]}, \"c\": {}, \"d\": []}",
        "{\"dup\": 1, \"dup\": {\"later\": \"wins\"}}",
        "\"just a string\"",
        "[[[[[]]]], {\"deep\": [{\"deeper\": [0.000]}]}]",
    })
    void buildsTheMappersTree(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = read(json);

        assertSameTree(actual, expected, "$");
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void buildsTheMappersTreeForAWholeDemoDump() throws IOException {
        try (DemoSource demo = DemoSource.create()) {
            String dump = demo.envoy().configDump(new PodRef("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m"), true).join();
            assertSameTree(read(dump), MAPPER.readTree(dump), "$");
        }
    }

    @Test
    void truncatedInputFailsAsJsonNotAsAnEmptyTree() {
        assertThatThrownBy(() -> read("{\"a\": [1, 2")).isInstanceOf(JsonProcessingException.class);
    }

    /** Node classes too: an IntNode and a LongNode of 1 print alike but are not the same tree. */
    private static void assertSameTree(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        assertThat(actual).as(path).isEqualTo(expected);
        if (expected.isObject()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
            for (Iterator<Map.Entry<String, JsonNode>> e = expected.fields(); e.hasNext();) {
                Map.Entry<String, JsonNode> want = e.next();
                Map.Entry<String, JsonNode> got = a.next();
                assertThat(got.getKey()).as(path + " key order").isEqualTo(want.getKey());
                assertSameTree(got.getValue(), want.getValue(), path + "." + want.getKey());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        }
    }
}
