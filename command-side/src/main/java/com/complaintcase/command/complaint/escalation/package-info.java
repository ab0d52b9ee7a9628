/**
 * Escalation: one level up the ladder (branch, first-level branch, head office, report to the regulator), by a person
 * or by the system (on arrival, for a compensation above the level's authority, when a clock's limit passes), and the
 * extension of a deadline within the case's policy pack. Decisions:
 * {@link com.complaintcase.command.complaint.escalation.Escalation}.
 */
package com.complaintcase.command.complaint.escalation;
