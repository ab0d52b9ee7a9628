package com.complaintcase.platform.problem.docs;

import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a side tells the API description about its refusals, so that {@link RefusalScan} can find, in the code an
 * endpoint runs, the refusals it can give. A side declares its kinds of refusal once; the endpoints need nothing.
 */
public interface RefusalRules {

    /** Exceptions constructed with their code (a constant of one of {@link #codeEnums()}), by the status they answer. */
    default Map<Class<? extends Throwable>, Integer> refusalTypes() {
        return Map.of();
    }

    /** Enums whose constants are refusal codes. */
    default Set<Class<? extends Enum<?>>> codeEnums() {
        return Set.of();
    }

    /** Messages sent over a bus (commands), by the methods that handle them: followed where a message is created. */
    default Map<Class<?>, List<Method>> handlersOf() {
        return Map.of();
    }

    /**
     * Refusals of calls into libraries, by {@code owner.name} of the called method (owner with dots), or by
     * {@code owner.name(parameter descriptors)} for one overload of it.
     */
    default Map<String, Set<DocumentedRefusal>> refusalsOfCalls() {
        return Map.of();
    }

    /** Classes that only carry a refusal made elsewhere (rebuilt after the bus): not read, or every refusal they can carry would count. */
    default Set<Class<?>> carriers() {
        return Set.of();
    }

    /** Refusals given before the endpoint runs (an interceptor's), by the endpoint's path patterns. */
    default Set<DocumentedRefusal> refusalsBefore(Set<String> pathPatterns, HandlerMethod handler) {
        return Set.of();
    }
}
