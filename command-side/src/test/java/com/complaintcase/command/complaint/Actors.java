package com.complaintcase.command.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.Role;

/** The people (and the system) who act on cases in these tests, one or two per role. */
final class Actors {

    static final Actor INTAKE1 = new Actor("intake1", Role.INTAKE);
    static final Actor HANDLER1 = new Actor("handler1", Role.HANDLER);
    static final Actor HANDLER2 = new Actor("handler2", Role.HANDLER);
    static final Actor SUPERVISOR1 = new Actor("supervisor1", Role.SUPERVISOR);
    static final Actor SUPERVISOR2 = new Actor("supervisor2", Role.SUPERVISOR);
    static final Actor COMPLIANCE1 = new Actor("compliance1", Role.COMPLIANCE);
    static final Actor REGULATOR1 = new Actor("regulator1", Role.REGULATOR);
    static final Actor ANALYST1 = new Actor("analyst1", Role.ANALYST);
    static final Actor SYSTEM = Actor.SYSTEM;

    private Actors() {
    }

    /** The same person acting in another role (a user may hold several roles). */
    static Actor actingAs(Actor person, Role role) {
        return new Actor(person.userId(), role);
    }
}
