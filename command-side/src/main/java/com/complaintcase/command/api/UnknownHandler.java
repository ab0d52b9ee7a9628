package com.complaintcase.command.api;

/** The handler to assign is not a known user with the handler role. */
public class UnknownHandler extends RuntimeException {

    public UnknownHandler(String handlerId) {
        super(handlerId + " is not a known case handler");
    }
}
