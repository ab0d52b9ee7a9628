package com.complaintcase.query.scenario;

import com.complaintcase.values.Actor;
import com.complaintcase.values.Role;

/** The demo users, in the roles they act in. */
public final class Actors {

    public static final Actor INTAKE = new Actor("intake1", Role.INTAKE);
    public static final Actor HANDLER_1 = new Actor("handler1", Role.HANDLER);
    public static final Actor HANDLER_2 = new Actor("handler2", Role.HANDLER);
    public static final Actor SUPERVISOR = new Actor("supervisor1", Role.SUPERVISOR);
    public static final Actor SECOND_SUPERVISOR = new Actor("supervisor2", Role.SUPERVISOR);
    public static final Actor COMPLIANCE = new Actor("compliance1", Role.COMPLIANCE);
    public static final Actor REGULATOR = new Actor("regulator1", Role.REGULATOR);
    public static final Actor ANALYST = new Actor("analyst1", Role.ANALYST);
    public static final Actor SYSTEM = Actor.SYSTEM;

    private Actors() {
    }

    /** The handler user of that id (a case's handler acts as itself). */
    public static Actor handler(String userId) {
        return new Actor(userId, Role.HANDLER);
    }
}
