package com.complaintcase.query.statistics;

import java.util.List;

/** A report's figures per group key: counted with their case ids ({@link Tally}) or by the database ({@link Counts}). */
interface Figures {

    long count(String key, String figure);

    /** The group keys (not the total), in order. */
    List<String> keys();
}
