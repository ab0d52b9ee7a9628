/**
 * Review: a supervisor decides whether a registered complaint is one, and at which handling level it is handled
 * ({@link com.complaintcase.command.complaint.review.ReviewComplaint}); at the branch, the branch-reply clock starts.
 * Decisions: {@link com.complaintcase.command.complaint.review.Review}.
 */
package com.complaintcase.command.complaint.review;
