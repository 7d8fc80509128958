package com.orderdesk.cartcom.sandbox.seed;

import java.math.BigDecimal;
import java.util.List;

/** Realistic names, places and products to draw seeded orders from. */
final class SampleCatalog {

    private SampleCatalog() {
    }

    static final List<String> FIRST_NAMES = List.of("Chris", "Maria", "James", "Aisha", "Wei", "Olivia", "Mateo",
            "Priya", "Liam", "Sofia", "Noah", "Hannah", "Diego", "Grace", "Kenji", "Zoë", "Ethan", "Fatima");
    static final List<String> LAST_NAMES = List.of("Allen", "Garcia", "Smith", "Khan", "Chen", "Johnson", "Rossi",
            "Patel", "O'Brien", "Nguyen", "Müller", "Brown", "Lopez", "Kim", "Okafor", "Dubois", "Wright");
    static final List<String> COMPANIES = List.of("", "", "", "Acme Outfitters", "Blue Ridge Supply", "Northwind LLC");
    static final List<String> STREETS = List.of("Main St", "Oak Ave", "Calder Ave", "Broadway", "Elm Street",
            "Sunset Blvd", "Pine Rd", "Lakeview Dr", "Maple Ln", "College St");

    /** City, state, state code, postal code, country, country code. */
    record Place(String city, String state, String stateCode, String postalCode, String country, String countryCode) {
    }

    static final List<Place> PLACES = List.of(
            new Place("Beaumont", "Texas", "TX", "77702", "United States", "US"),
            new Place("Austin", "Texas", "TX", "78701", "United States", "US"),
            new Place("Chicago", "Illinois", "IL", "60614", "United States", "US"),
            new Place("Portland", "Oregon", "OR", "97205", "United States", "US"),
            new Place("Boston", "Massachusetts", "MA", "02116", "United States", "US"),
            new Place("Denver", "Colorado", "CO", "80202", "United States", "US"),
            new Place("Miami", "Florida", "FL", "33131", "United States", "US"),
            new Place("Seattle", "Washington", "WA", "98101-2345", "United States", "US"),
            new Place("Toronto", "Ontario", "ON", "M5V 2T6", "Canada", "CA"),
            new Place("London", "Greater London", "", "SW1A 1AA", "United Kingdom", "GB"));

    /** A variant option as the order item shows it, and the inventory id of that variant. */
    record Variant(long id, String description, long groupId, long inventoryId, String skuSuffix) {
    }

    record Product(long id, String sku, String name, String price, String weight, List<Variant> variants,
                   boolean personalizable) {
        BigDecimal priceValue() {
            return new BigDecimal(price);
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product(4, "glfblls", "Golf Balls - Titleist", "29.99", "1.5", List.of(), false),
            new Product(8, "TSHIRT-CLASSIC", "Classic Cotton T-Shirt", "19.50", "0.4", List.of(
                    new Variant(7, "Color: Blue", 3, 701, "-BLU"),
                    new Variant(8, "Color: Red", 3, 702, "-RED"),
                    new Variant(9, "Color: Black", 3, 703, "-BLK")), false),
            new Product(12, "HOODIE-ZIP", "Zip Hoodie", "54.00", "1.1", List.of(
                    new Variant(21, "Size: M", 5, 1201, "-M"),
                    new Variant(22, "Size: L", 5, 1202, "-L"),
                    new Variant(23, "Size: XL", 5, 1203, "-XL")), false),
            new Product(15, "MUG-11OZ", "Ceramic Mug 11oz", "12.95", "0.9", List.of(), true),
            new Product(16, "BOTTLE-SS", "Stainless Water Bottle", "24.00", "0.8", List.of(
                    new Variant(31, "Finish: Matte", 7, 1601, "-MT"),
                    new Variant(32, "Finish: Gloss", 7, 1602, "-GL")), false),
            new Product(21, "CAP-TRUCKER", "Trucker Cap", "18.00", "0.3", List.of(), true),
            new Product(25, "SOCKS-3PK", "Wool Socks (3 pack)", "21.75", "0.5", List.of(), false),
            new Product(30, "TOTE-CANVAS", "Canvas Tote Bag", "15.00", "0.6", List.of(), true),
            new Product(36, "CLAYMORE", "Claymore Replica Sword", "249.00", "7.5", List.of(), false),
            new Product(41, "GIFT-WRAP", "Gift Wrapping", "4.99", "0", List.of(), false));

    static final List<String[]> SHIPPING_METHODS = List.of(
            new String[] {"UPS Ground", "UPS", "UPS_GROUND", "9.95"},
            new String[] {"UPS 2nd Day Air", "UPS", "UPS_2ND_DAY_AIR", "18.40"},
            new String[] {"FedEx Express Saver", "FedEx", "FEDEX_EXPRESS_SAVER", "25.00"},
            new String[] {"USPS Priority Mail", "USPS", "USPS_PRIORITY", "8.70"},
            new String[] {"Free Shipping", "Free Shipping", "FREE", "0.00"});

    static final List<String> GIFT_MESSAGES = List.of("Happy birthday! Love, Mom",
            "Congratulations on the new job!", "Merry Christmas from all of us");
    static final List<String> INSTRUCTIONS = List.of("Leave at the back door", "Please ring the bell twice",
            "Deliver after 5pm");
}
