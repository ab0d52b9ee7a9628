package com.complaintcase.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Times every command from the start of its handling to the end of its unit of work (events appended, or rolled
 * back), as the timer {@value #TIMER} with the command's simple name and its outcome: its count over time is the
 * command rate, its distribution the latency. Measured where the command is handled, so with Axon Server it is the
 * handling node's view; the caller's round trip adds the routing.
 */
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String TIMER = "complaints.commands";

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String command = simpleName(unitOfWork.getMessage().getCommandName());
        unitOfWork.onCleanup(done -> sample.stop(Timer.builder(TIMER)
                .description("Commands handled, from the start of handling to commit or rollback")
                .tag("command", command)
                .tag("outcome", outcome(done))
                .publishPercentileHistogram()
                .register(registry)));
        return chain.proceed();
    }

    private static String outcome(UnitOfWork<?> unitOfWork) {
        if (unitOfWork.isRolledBack()) {
            return "rolled-back";
        }
        return unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()
                ? failureName(unitOfWork.getExecutionResult().getExceptionResult())
                : "success";
    }

    /** A refusal the handler wrapped to carry it over the bus is counted as the refusal it is. */
    private static String failureName(Throwable failure) {
        Throwable named = failure instanceof HandlerExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return named.getClass().getSimpleName();
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
