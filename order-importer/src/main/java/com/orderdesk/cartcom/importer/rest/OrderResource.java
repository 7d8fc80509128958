package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.service.InvalidShipmentException;
import com.orderdesk.cartcom.importer.service.ShipmentService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Order Desk's view of the imported orders of a store, and the shipments recorded on them. */
@Path("/api/v1/stores/{storeId}/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    StoreAuth auth;
    @Inject
    ShipmentService shipments;

    public record OrderList(List<OrderView> orders, long total) {
    }

    @GET
    @Transactional
    public OrderList list(@PathParam("storeId") long storeId, @QueryParam("folder_id") Long folderId,
                          @QueryParam("source_id") String sourceId, @QueryParam("limit") Integer limit,
                          @QueryParam("offset") Integer offset, @Context HttpHeaders headers) {
        auth.requireStore(storeId, headers);
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        Map<String, String> errors = new LinkedHashMap<>();
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            errors.put("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (skip < 0) {
            errors.put("offset", "must not be negative");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("invalid_query", errors);
        }
        StringBuilder query = new StringBuilder("storeId = :store");
        Parameters params = Parameters.with("store", storeId);
        if (folderId != null) {
            query.append(" and folderId = :folder");
            params.and("folder", folderId);
        }
        if (sourceId != null && !sourceId.isBlank()) {
            query.append(" and sourceId = :source");
            params.and("source", sourceId.trim());
        }
        long total = ImportedOrder.count(query.toString(), params);
        List<ImportedOrder> page = ImportedOrder.<ImportedOrder>find(query.toString(), Sort.by("id"), params)
                .range(skip, skip + pageSize - 1).list();
        List<Long> ids = page.stream().map(o -> o.id).toList();
        Map<Long, List<OrderItem>> items = OrderItem.ofOrders(ids).stream()
                .collect(Collectors.groupingBy(i -> i.orderId));
        Map<Long, List<OrderShipment>> shipped = OrderShipment.ofOrders(ids).stream()
                .collect(Collectors.groupingBy(s -> s.orderId));
        return new OrderList(page.stream().map(o -> OrderView.of(o, items.getOrDefault(o.id, List.of()),
                shipped.getOrDefault(o.id, List.of()))).toList(), total);
    }

    @GET
    @Path("/{orderId}")
    @Transactional
    public OrderView get(@PathParam("storeId") long storeId, @PathParam("orderId") long orderId,
                         @Context HttpHeaders headers) {
        auth.requireStore(storeId, headers);
        ImportedOrder order = ImportedOrder.findInStore(storeId, orderId);
        if (order == null) {
            throw orderNotFound(orderId);
        }
        return OrderView.of(order, OrderItem.ofOrder(orderId), OrderShipment.ofOrder(orderId));
    }

    @POST
    @Path("/{orderId}/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addShipment(@PathParam("storeId") long storeId, @PathParam("orderId") long orderId,
                                ShipmentInput input, @Context HttpHeaders headers, @Context UriInfo uri) {
        auth.requireStore(storeId, headers);
        OrderShipment shipment;
        try {
            shipment = shipments.record(storeId, orderId, input);
        } catch (InvalidShipmentException e) {
            throw ApiException.invalid("invalid_shipment", e.fields());
        }
        if (shipment == null) {
            throw orderNotFound(orderId);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(shipment.id)).build())
                .entity(ShipmentView.of(shipment)).build();
    }

    private static ApiException orderNotFound(long orderId) {
        return ApiException.notFound("order_not_found", "no order " + orderId + " in this store");
    }
}
