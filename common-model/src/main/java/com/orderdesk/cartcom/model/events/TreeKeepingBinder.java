package com.orderdesk.cartcom.model.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a parsed record value to an event record, handing the event's JSON-tree fields the nodes already parsed.
 * Jackson's own tree-to-value copies such a field node by node, and CartOrderFetched's order tree is most of a
 * 7 KB record: the copy was the importer's largest single cost under load. The event shares those nodes with the
 * tree it was read from.
 */
final class TreeKeepingBinder {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private TreeKeepingBinder() {
    }

    static <T> T bind(ObjectMapper mapper, ObjectNode tree, Class<T> type) throws IOException {
        Shape shape = SHAPES.get(type);
        if (shape.treeFields.isEmpty()) {
            return mapper.treeToValue(tree, type);
        }
        ObjectNode scalars = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!shape.treeFields.contains(field.getKey())) {
                scalars.set(field.getKey(), field.getValue());
            }
        }
        T bound = mapper.treeToValue(scalars, type);
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.components[i];
            values[i] = shape.treeFields.contains(component.getName())
                    ? treeValue(tree.get(component.getName()), component)
                    : invoke(component, bound);
        }
        try {
            return type.cast(shape.constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /** Absent or JSON null is null, as Jackson binds it; any other node must be of the field's type. */
    private static Object treeValue(JsonNode node, RecordComponent component) {
        if (component.getType().isInstance(node)) {
            return node;
        }
        if (node == null || node.isNull()) {
            return null;
        }
        throw new IllegalArgumentException(component.getName() + " is a JSON " + node.getNodeType().name().toLowerCase()
                + " where " + (component.getType() == ObjectNode.class ? "an object" : component.getType().getSimpleName())
                + " was expected");
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /** A record's components, the names of those that are JSON trees, and its canonical constructor. */
    private record Shape(RecordComponent[] components, Set<String> treeFields, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return new Shape(new RecordComponent[0], Set.of(), null);
            }
            RecordComponent[] components = type.getRecordComponents();
            Set<String> treeFields = Arrays.stream(components)
                    .filter(c -> JsonNode.class.isAssignableFrom(c.getType()))
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return new Shape(components, treeFields, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }
}
