package com.complaintcase.command.api;

import com.complaintcase.command.complaint.ComplaintRefused;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.platform.problem.docs.DocumentedRefusal;
import com.complaintcase.platform.problem.docs.RefusalRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command side's refusals for the API description: a refusal is a {@link ComplaintRefused} built with its
 * {@link RefusalCode}, answered with the status of its kind; a command is followed into its handler; loading a case
 * can find none, or find its history broken; the rate limit may refuse any command.
 */
@Component
class CommandRefusalRules implements RefusalRules {

    private static final String COMMAND_PACKAGE = "com.complaintcase.command.";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final ApplicationContext context;

    CommandRefusalRules(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Map<Class<? extends Throwable>, Integer> refusalTypes() {
        return CommandProblemHandler.STATUS_OF_REFUSAL.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().value()));
    }

    @Override
    public Set<Class<? extends Enum<?>>> codeEnums() {
        return Set.of(RefusalCode.class);
    }

    /** The command handlers among the beans: each command is followed into the handler that decides it. */
    @Override
    public Map<Class<?>, List<Method>> handlersOf() {
        Map<Class<?>, List<Method>> handlers = new HashMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type == null || !ClassUtils.getUserClass(type).getName().startsWith(COMMAND_PACKAGE)) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                if (method.getParameterCount() > 0
                        && AnnotatedElementUtils.hasAnnotation(method, CommandHandler.class)) {
                    handlers.computeIfAbsent(method.getParameterTypes()[0], key -> new ArrayList<>()).add(method);
                }
            }
        }
        return handlers;
    }

    /**
     * Loading a case whose history does not verify (checked on every load); loading the case a command names, with
     * the version the client saw, finds none when there is none (a registration loads only a case it knows is there).
     */
    @Override
    public Map<String, Set<DocumentedRefusal>> refusalsOfCalls() {
        String load = Repository.class.getName() + ".load";
        return Map.of(
                load, Set.of(new DocumentedRefusal(CommandProblemHandler.STATUS_OF_REFUSAL.get(StateConflict.class).value(),
                        RefusalCode.HISTORY_BROKEN.name())),
                load + "(Ljava/lang/String;Ljava/lang/Long;)", Set.of(
                        new DocumentedRefusal(HttpStatus.NOT_FOUND.value(), CommandProblemHandler.UNKNOWN_CASE)));
    }

    /** A refusal that came back over the bus is rebuilt there: what it can be was found in the handler. */
    @Override
    public Set<Class<?>> carriers() {
        return Set.of(RefusalDetails.class);
    }

    @Override
    public Set<DocumentedRefusal> refusalsBefore(Set<String> pathPatterns, HandlerMethod handler) {
        boolean limited = pathPatterns.stream().anyMatch(path ->
                java.util.Arrays.stream(CommandRateLimit.PATHS).anyMatch(pattern -> PATHS.match(pattern, path)));
        return limited ? Set.of(new DocumentedRefusal(HttpStatus.TOO_MANY_REQUESTS.value(), CommandRateLimit.CODE))
                : Set.of();
    }
}
