package com.complaintcase.values;

/** Who is responsible: the bank (有责), not the bank (无责), or both (双方责任). */
public enum Responsibility {
    LIABLE, NOT_LIABLE, SHARED
}
