package com.orderdesk.cartcom.shipments.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Each store's {@link AfterShipmentStatusWhen}, kept from its snapshots (newest version wins, like the snapshot). */
@ApplicationScoped
public class StoreShipmentPolicyRepository {
    private final AgroalDataSource dataSource;

    StoreShipmentPolicyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void apply(long storeId, long version, AfterShipmentStatusWhen when) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO store_shipment_policy (store_id, version, after_shipment_status) VALUES (?, ?, ?) "
                             + "ON CONFLICT (store_id) DO UPDATE SET version = EXCLUDED.version, "
                             + "after_shipment_status = EXCLUDED.after_shipment_status "
                             + "WHERE store_shipment_policy.version <= EXCLUDED.version")) {
            upsert.setLong(1, storeId);
            upsert.setLong(2, version);
            upsert.setString(3, when.name());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the shipment policy of store " + storeId, e);
        }
    }

    public AfterShipmentStatusWhen afterShipmentStatusWhen(long storeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT after_shipment_status FROM store_shipment_policy WHERE store_id = ?")) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? AfterShipmentStatusWhen.valueOf(rs.getString(1)) : AfterShipmentStatusWhen.each_shipment;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shipment policy of store " + storeId, e);
        }
    }
}
