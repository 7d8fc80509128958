package com.orderdesk.cartcom.sandbox.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything needed to place one order; OrderFactory turns it into stored records with ids and times. */
public final class OrderDraft {

    public Long orderStatusId;
    public Instant orderedAt;
    public Long existingCustomerId;
    public Person customer;
    public Address shipping;
    /** null means the billing address is the shipping address (one order_addresses record). */
    public Address billing;
    public final List<Item> items = new ArrayList<>();
    public final List<Payment> payments = new ArrayList<>();
    public final Map<String, String> customFields = new LinkedHashMap<>();
    public String giftMessage = "";
    public String specialInstructions = "";
    public String instructions = "";
    public String shippingMethod = "UPS Ground";
    public String shippingProvider = "UPS";
    public String shippingProviderService = "UPS_GROUND";
    public BigDecimal shippingTotal = new BigDecimal("9.95");
    public BigDecimal taxRate = new BigDecimal("0.0825");
    public String couponCode = "";
    public String ipAddress = "127.0.0.1";

    /** A customer as the store knows them. */
    public record Person(String firstName, String lastName, String email, String phone, String company) {
    }

    /** postalCode is an Object: the live API sometimes sends a number. */
    public record Address(String firstName, String lastName, String company, String line1, String line2, String city,
                          String state, String stateCode, Object postalCode, String country, String countryCode,
                          String phone) {
    }

    /** variants are {id, description, variant_group_id}; personalizations are {id, answer} or null. */
    public record Item(long productId, String itemNumber, String itemName, BigDecimal price, int quantity,
                       BigDecimal weight, List<Map<String, Object>> variants, Long variantInventoryId,
                       List<Map<String, Object>> personalizations, String description) {
    }

    /** amount null means "the order's grand total". */
    public record Payment(String paymentType, String paymentMethodName, String cardType, String lastFour,
                          BigDecimal amount, boolean approved) {
    }
}
