package com.complaintcase.platform.security;

import java.util.Optional;

/** Looks up the people who may act on cases, e.g. to check that an assigned handler exists. */
public interface UserDirectory {

    Optional<DirectoryUser> find(String userId);
}
