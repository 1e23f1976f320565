package org.jconvnet.train.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;

/**
 * The one Jackson set-up of the train module's JSON files (checkpoint manifests with their saved
 * options and metrics, {@code metrics.jsonl}), so they share one policy:
 * <ul>
 *   <li>NaN and the infinities are written as the strings {@code "NaN"}, {@code "Infinity"},
 *       {@code "-Infinity"} and read back from them (JSON has no literal for them; {@code null}
 *       would not say which one it was); finite doubles in Java's shortest round-tripping form;</li>
 *   <li>paths are written as the text the user gave ({@link Path#toString()}), not as URIs;</li>
 *   <li>unknown fields are ignored on reading, so files of other versions still load.</li>
 * </ul>
 */
public final class TrainJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("paths-as-text")
                    .addSerializer(Path.class, ToStringSerializer.instance)
                    .addDeserializer(Path.class, new JsonDeserializer<Path>() {
                        @Override
                        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return Path.of(p.getValueAsString());
                        }
                    }))
            .build();
    /** Two spaces per level, {@code "key": value}, arrays on one line, LF line ends on every platform. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private TrainJson() {
    }

    /**
     * {@code value} on one line, for line-oriented files such as {@code metrics.jsonl}.
     *
     * @param value a record, map or list
     * @return the JSON text, without a line end
     */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@code value} indented, ending with a line feed, for files people read.
     *
     * @param value a record, map or list
     * @return the JSON text
     */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code text} as a {@code type}.
     *
     * @param source the text's origin (a file, a file and line), named in the error
     * @param <T> the type read
     * @param text the JSON text
     * @param type the class to map it onto
     * @return the value read
     * @throws JConvNetException when the text is not JSON or does not fit {@code type}
     */
    public static <T> T read(String text, Class<T> type, String source) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new JConvNetException(source + ": bad JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code text} as a tree (for checks before the mapping to records).
     *
     * @param text the JSON text
     * @param source the text's origin (a file, a file and line), named in the error
     * @return the tree
     */
    public static JsonNode tree(String text, String source) {
        return read(text, JsonNode.class, source);
    }

    /**
     * Maps a tree onto a {@code type}; errors name {@code source}.
     *
     * @param <T> the type mapped to
     * @param tree the JSON tree
     * @param type the class to map it onto
     * @param source the text's origin (a file, a file and line), named in the error
     * @return the value
     */
    public static <T> T convert(JsonNode tree, Class<T> type, String source) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            // One line naming the field: Jackson's own message spans lines and quotes Java types.
            String where = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            throw new JConvNetException(source + ": " + (where.isEmpty() ? "" : "\"" + where + "\": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("does not fit"), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new JConvNetException(source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * {@code value} as a JSON object tree (its fields as they would be written).
     *
     * @param value a record, map or list
     * @return the tree
     */
    public static ObjectNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** {@return an empty JSON object} */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
