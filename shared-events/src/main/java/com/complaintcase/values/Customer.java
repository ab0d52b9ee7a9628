package com.complaintcase.values;

/**
 * The complaining customer. {@code name}, {@code phone} and {@code email} are personal data:
 * they never leave the case view, its history and exports.
 */
public record Customer(CustomerId customerId, String name, String phone, String email) {

    public Customer {
        if (customerId == null) {
            throw new InvalidValueException("customer.customerId", "is required");
        }
        name = Text.required("customer.name", name, 200);
        phone = Text.optional("customer.phone", phone, 40);
        email = Text.optional("customer.email", email, 254);
        if (phone != null && !phone.matches("[+0-9 ()-]{3,40}")) {
            throw new InvalidValueException("customer.phone", "must contain only digits, spaces, '+', '-', '(' and ')'");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidValueException("customer.email", "is not an e-mail address");
        }
    }
}
