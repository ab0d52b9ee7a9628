package com.complaintcase.platform.upcasting;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The revision of an event class's shape: Axon's {@code @Revision} where a class carries it, else the class's
 * {@code public static final String REVISION} (the event contract has no framework dependency), else none.
 */
public final class ContractRevisions implements RevisionResolver {

    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        String annotated = annotations.revisionOf(payloadType);
        if (annotated != null) {
            return annotated;
        }
        try {
            Field field = payloadType.getField("REVISION");
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && field.getDeclaringClass() == payloadType) {
                return (String) field.get(null);
            }
            return null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
