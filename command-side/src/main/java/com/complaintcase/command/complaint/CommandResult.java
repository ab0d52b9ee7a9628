package com.complaintcase.command.complaint;

import com.complaintcase.values.ComplaintId;

/** What every accepted command answers: the case and its version after the command. */
public record CommandResult(ComplaintId complaintId, long version) {
}
