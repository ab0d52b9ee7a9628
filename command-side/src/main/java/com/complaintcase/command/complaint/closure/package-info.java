/**
 * Closure: a resolved case closed, a closed case reopened when the customer complains again about the same matter,
 * an open case withdrawn by the customer. Decisions: {@link com.complaintcase.command.complaint.closure.Closure}.
 */
package com.complaintcase.command.complaint.closure;
