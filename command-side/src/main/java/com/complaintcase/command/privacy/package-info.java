/**
 * Privacy: a customer's personal data (domain brief, section 9). The {@link com.complaintcase.command.privacy.CustomerPrivacy}
 * aggregate, keyed by customer id, places and releases legal holds and erases the data of a customer whose cases are
 * all finished and past their retention period (the keys destroyed; the events stay as they are).
 */
package com.complaintcase.command.privacy;
