package com.complaintcase.platform.problem;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;


import java.time.Instant;

/**
 * Request bodies are read strictly, for every endpoint: a value means what it says or is refused. A score of 4.5 is
 * not a 4, {@code "5"} is not a number, {@code 7} is not the eighth channel, {@code 2} is not {@code true}, a number
 * is not an instant, a field named twice or a field no request has is an error, and a text holds no control
 * characters (but line breaks and tabs) and no unpaired surrogates.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer readRequestBodiesStrictly() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(coercions -> coercions
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, coercions -> coercions
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, coercions -> coercions
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-request-bodies")
                        .addDeserializer(String.class, new StrictText())
                        .addDeserializer(Instant.class, new StrictInstant())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                               BeanDescription.Supplier description,
                                                                               ValueDeserializer<?> deserializer) {
                                return new StrictEnum(deserializer);
                            }
                        }));
    }

    /**
     * An enum's name as sent: Jackson trims a name it does not know before trying again, so that {@code "PHONE\u0000"}
     * would read as {@code PHONE}; a control character refuses it as it refuses any text.
     */
    static final class StrictEnum extends DelegatingDeserializer {

        StrictEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new StrictEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                String problem = TextRefused.problemOf(text);
                if (problem != null) {
                    throw new TextRefused(parser, problem, text);
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** A text as sent, refused if it holds a control character other than a line break or tab, or a lone surrogate. */
    static final class StrictText extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = TextRefused.problemOf(text);
            if (problem != null) {
                throw new TextRefused(parser, problem, text);
            }
            return text;
        }
    }

    /** An instant only from an ISO-8601 text: a number would be read as seconds since 1970. */
    static final class StrictInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** A text refused for the characters it holds; the reason says which, never the text. */
    static final class TextRefused extends InvalidFormatException {

        private final String reason;

        TextRefused(JsonParser parser, String reason, String text) {
            super(parser, "text " + reason, text, String.class);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }

        static String problemOf(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return String.format("must not contain control characters (U+%04X at %d); line breaks and tabs "
                            + "are allowed", (int) c, i);
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return String.format("is not valid Unicode (an unpaired surrogate U+%04X at %d)", (int) c, i);
                }
            }
            return null;
        }
    }
}
