package com.complaintcase.benchpeer;

import java.util.Map;

/** A complaint was registered: its id and the request's fields, stored as they came (the same size of payload). */
public record ComplaintRegistered(String complaintId, Map<String, Object> complaint) {
}
