package com.complaintcase.values;

/**
 * The complaining customer. {@code name}, {@code phone} and {@code email} are personal data: they never leave the
 * case view, its history and exports, are stored encrypted under the customer's key, and read as
 * {@link PersonalData#ERASED} once the customer's data was erased.
 */
public record Customer(CustomerId customerId,
                       @PersonalData String name,
                       @PersonalData String phone,
                       @PersonalData String email) {

    public Customer {
        if (customerId == null) {
            throw new InvalidValueException("customer.customerId", "is required");
        }
        name = Text.required("customer.name", name, 200);
        phone = Text.optional("customer.phone", phone, 40);
        email = Text.optional("customer.email", email, 254);
        if (phone != null && !isErased(phone) && !phone.matches("[+0-9 ()-]{3,40}")) {
            throw new InvalidValueException("customer.phone", "must contain only digits, spaces, '+', '-', '(' and ')'");
        }
        if (email != null && !isErased(email) && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidValueException("customer.email", "is not an e-mail address");
        }
    }

    private static boolean isErased(String value) {
        return PersonalData.ERASED.equals(value);
    }
}
