package com.complaintcase.command.api;

/** The product named is not in the product catalogue (complaints.returns.mappings). */
class UnknownProduct extends RuntimeException {

    UnknownProduct(String product, String catalogueVersion) {
        super("product '" + (product.length() > 64 ? product.substring(0, 64) : product)
                + "' is not in the product catalogue (version " + catalogueVersion + ")");
    }
}
