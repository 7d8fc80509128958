package com.orderdesk.cartcom.settings.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a short list of ids as {@code "1,2,3"}; the list is only ever read and written whole. */
@Converter
public class LongListConverter implements AttributeConverter<List<Long>, String> {
    @Override
    public String convertToDatabaseColumn(List<Long> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public List<Long> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new ArrayList<>();
        }
        return Arrays.stream(column.split(",")).map(String::trim).map(Long::valueOf)
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
