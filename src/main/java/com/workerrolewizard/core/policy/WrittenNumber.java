package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number of a JSON document that Jackson's own nodes would print differently from how it was written
 * ({@code 1e3} would come back as {@code 1E+3}, {@code -0} as {@code 0}): it keeps its text and prints it as it
 * was, so a statement an admin wrote stays exactly as written through a merge. Its value is the one Jackson reads.
 */
final class WrittenNumber extends NumericNode {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final NumericNode value;

    private WrittenNumber(String text, NumericNode value) {
        this.text = text;
        this.value = value;
    }

    /** The number at the parser's current token: Jackson's node where it prints the text as written, else one that does. */
    static NumericNode read(JsonParser parser) throws IOException {
        String text = parser.getText();
        NumericNode value;
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            value = switch (parser.getNumberType()) {
                case INT -> com.fasterxml.jackson.databind.node.IntNode.valueOf(parser.getIntValue());
                case LONG -> com.fasterxml.jackson.databind.node.LongNode.valueOf(parser.getLongValue());
                default -> com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
        } else {
            // Exact decimals, trailing zeros kept: 1.50 is BigDecimal 1.50, which prints as 1.50.
            value = com.fasterxml.jackson.databind.node.DecimalNode.valueOf(parser.getDecimalValue());
        }
        return value.asText().equals(text) ? value : new WrittenNumber(text, value);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(text);
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public JsonToken asToken() {
        return value.asToken();
    }

    @Override
    public JsonParser.NumberType numberType() {
        return value.numberType();
    }

    @Override
    public Number numberValue() {
        return value.numberValue();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return value.decimalValue();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return value.bigIntegerValue();
    }

    @Override
    public boolean canConvertToInt() {
        return value.canConvertToInt();
    }

    @Override
    public boolean canConvertToLong() {
        return value.canConvertToLong();
    }

    @Override
    public boolean isIntegralNumber() {
        return value.isIntegralNumber();
    }

    @Override
    public boolean isFloatingPointNumber() {
        return value.isFloatingPointNumber();
    }

    @Override
    public boolean isInt() {
        return value.isInt();
    }

    @Override
    public boolean isLong() {
        return value.isLong();
    }

    @Override
    public boolean isBigInteger() {
        return value.isBigInteger();
    }

    @Override
    public boolean isBigDecimal() {
        return value.isBigDecimal();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrittenNumber number && number.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
