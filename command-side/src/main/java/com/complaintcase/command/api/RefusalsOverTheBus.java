package com.complaintcase.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Where a command is handled: a refusal leaves as a {@link CommandExecutionException} with {@link RefusalDetails},
 * the one form in which Axon Server hands a refusal back to the sender intact. On the local bus of standalone mode
 * the same exception arrives as it was thrown.
 */
@Component
class RefusalsOverTheBus implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuntimeException failure) {
            throw RefusalDetails.of(failure)
                    .<RuntimeException>map(details -> new CommandExecutionException(failure.getMessage(), failure, details))
                    .orElse(failure);
        }
    }
}
