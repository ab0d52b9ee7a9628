package com.complaintcase.command.api;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.platform.returns.ReturnMappings;

/** A product named in a request must be in the product catalogue; none named is the unknown product. */
public final class CataloguedProduct {

    private CataloguedProduct() {
    }

    public static String of(ReturnMappings catalogue, String product) {
        if (product == null) {
            return null;
        }
        String code = product.trim();
        if (!catalogue.knowsProduct(code) || ComplaintRegistered.UNKNOWN_PRODUCT.equals(code)) {
            throw new UnknownProduct(code, catalogue.version());
        }
        return code;
    }
}
