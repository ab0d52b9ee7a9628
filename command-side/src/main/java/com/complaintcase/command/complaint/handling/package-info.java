/**
 * Handling: a handler is assigned, the case may be transferred to another unit, the customer is contacted, evidence
 * attached and findings recorded. Decisions: {@link com.complaintcase.command.complaint.handling.Handling}.
 */
package com.complaintcase.command.complaint.handling;
