package com.complaintcase.command.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

/**
 * A command to a complaint case. {@code expectedVersion} is the client's {@code If-Match}: when
 * given, the command fails if the case has moved on. {@code actor} is the authenticated principal.
 */
public interface ComplaintCommand {

    ComplaintId complaintId();

    Long expectedVersion();

    Actor actor();
}
