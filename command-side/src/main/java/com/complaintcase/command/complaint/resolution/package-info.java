/**
 * Resolution: a resolution proposed on recorded findings, its compensation decided by a second person (four eyes)
 * and weighed against the level's authority, the customer's answer, the payment and the customer's satisfaction.
 * Decisions: {@link com.complaintcase.command.complaint.resolution.Resolution}.
 */
package com.complaintcase.command.complaint.resolution;
