package com.complaintcase.platform.security;

import com.complaintcase.values.Role;

/** A person known to the bank's user directory, with the one role they act in. */
public record DirectoryUser(String userId, Role role) {
}
