package com.complaintcase.standalone.store;

/** The embedded database cannot start on what it found; the message says what was found and what to do. */
public class EmbeddedDatabaseRefused extends RuntimeException {

    public EmbeddedDatabaseRefused(String message) {
        super(message);
    }
}
