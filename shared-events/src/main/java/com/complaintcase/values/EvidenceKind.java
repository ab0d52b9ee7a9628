package com.complaintcase.values;

/** What kind of evidence a reference points at (the evidence itself stays in the bank's archives). */
public enum EvidenceKind {
    CCTV, RECORDING, DOCUMENT, SYSTEM_LOG, STATEMENT
}
