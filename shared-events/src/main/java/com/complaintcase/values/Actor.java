package com.complaintcase.values;

/** Who did something, and in which role: always the authenticated principal, never request input. */
public record Actor(String userId, Role role) {

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM);

    public Actor {
        if (userId == null || userId.isBlank() || userId.length() > 64) {
            throw new InvalidValueException("userId", "must be 1-64 characters");
        }
        if (role == null) {
            throw new InvalidValueException("role", "is required");
        }
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    @Override
    public String toString() {
        return userId + " (" + role + ")";
    }
}
