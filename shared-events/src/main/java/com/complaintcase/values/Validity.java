package com.complaintcase.values;

/** Valid (有效投诉): the bank was at fault and the customer suffered a loss; special (特殊投诉): the bank acted within its rules, or the facts do not match. */
public enum Validity {
    VALID, SPECIAL
}
