package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request body under construction. The named builders ({@link Registration}, {@link CommandBodies})
 * produce valid bodies; {@link #with} and {@link #without} spoil one field for the bad-input tests.
 * Field paths are dotted ({@code customer.name}).
 */
final class JsonBody {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody object() {
        return new JsonBody(JSON.createObjectNode());
    }

    /** A copy with the field at {@code path} set to {@code value} (a String, Number, Boolean, JsonBody or null). */
    JsonBody with(String path, Object value) {
        ObjectNode copy = node.deepCopy();
        ObjectNode parent = parentOf(copy, path, true);
        String field = leafOf(path);
        if (value == null) {
            parent.putNull(field);
        } else if (value instanceof JsonBody body) {
            parent.set(field, body.node.deepCopy());
        } else {
            parent.set(field, JSON.valueToTree(value));
        }
        return new JsonBody(copy);
    }

    /** A copy without the field at {@code path}. */
    JsonBody without(String path) {
        ObjectNode copy = node.deepCopy();
        ObjectNode parent = parentOf(copy, path, false);
        if (parent != null) {
            parent.remove(leafOf(path));
        }
        return new JsonBody(copy);
    }

    JsonNode node() {
        return node.deepCopy();
    }

    @Override
    public String toString() {
        return node.toString();
    }

    private static ObjectNode parentOf(ObjectNode root, String path, boolean create) {
        String[] parts = path.split("\\.");
        ObjectNode current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            if (next instanceof ObjectNode child) {
                current = child;
            } else if (create) {
                current = current.putObject(parts[i]);
            } else {
                return null;
            }
        }
        return current;
    }

    private static String leafOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
