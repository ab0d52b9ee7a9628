/**
 * Registration: a complaint entered into the system ({@link com.complaintcase.command.complaint.registration.RegisterComplaint}),
 * under the policy pack its channel and branch choose, its clocks started, a late entry explained, and escalated on
 * arrival when it weighs more (outside channel, skipped level, media threat, repeat, group complaint). Decisions:
 * {@link com.complaintcase.command.complaint.registration.Registration}.
 */
package com.complaintcase.command.complaint.registration;
