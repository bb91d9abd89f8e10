package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Builds the JSON tree as Jackson does, except that a number keeps the text it was written with
 * ({@link WrittenNumber}). Nesting is bounded by the parser's own depth limit, so the recursion is too.
 */
final class WrittenTreeReader extends StdDeserializer<JsonNode> {
    private static final long serialVersionUID = 1L;

    WrittenTreeReader() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return read(parser, context, context.getNodeFactory());
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
        return context.getNodeFactory().nullNode();
    }

    private JsonNode read(JsonParser parser, DeserializationContext context, JsonNodeFactory nodes) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "Unexpected end-of-input");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, context, nodes));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, context, nodes));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return WrittenNumber.read(parser);
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                return (JsonNode) context.handleUnexpectedToken(JsonNode.class, parser);
        }
    }
}
