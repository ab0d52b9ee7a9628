package com.complaintcase.command.api;

/** The handler to assign is not a known user with the handler role. */
class UnknownHandler extends RuntimeException {

    UnknownHandler(String handlerId) {
        super(handlerId + " is not a known case handler");
    }
}
