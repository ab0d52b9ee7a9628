package com.complaintcase.events.returns;

/**
 * The facts of a regulatory-return filing, one small aggregate per filing ({@code ReturnFiling}, id the filing id):
 * filed once, never changed (a later restatement is shown against it, not written into it).
 */
public sealed interface ReturnFilingEvent permits ReturnFiled {

    String filingId();
}
