package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.service.ShipmentRules;
import com.orderdesk.cartcom.importer.service.ShipmentService;
import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.kit.rest.InvalidInput;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Order Desk's view of the imported orders of a store, and the shipments recorded on them; the store's key only. */
@Path("/api/v1/stores/{storeId}/orders")
@Produces(MediaType.APPLICATION_JSON)
@StoreScoped
public class OrderResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String LIMIT_RANGE = "must be between 1 and " + MAX_LIMIT;
    /** A client that may repeat a POST (after a timeout) sends one key per shipment it means. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ShipmentService shipments;

    OrderResource(ShipmentService shipments) {
        this.shipments = shipments;
    }

    public record OrderList(List<OrderView> orders, long total) {
    }

    @GET
    @Transactional
    @InvalidInput(code = "invalid_query")
    public OrderList list(@PathParam("storeId") long storeId, @QueryParam("folder_id") Long folderId,
                          @QueryParam("source_id") String sourceId,
                          @QueryParam("limit") @Min(value = 1, message = LIMIT_RANGE)
                          @Max(value = MAX_LIMIT, message = LIMIT_RANGE) Integer limit,
                          @QueryParam("offset") @Min(value = 0, message = "must not be negative") Integer offset) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
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
    public OrderView get(@PathParam("storeId") long storeId, @PathParam("orderId") long orderId) {
        ImportedOrder order = ImportedOrder.findInStore(storeId, orderId);
        if (order == null) {
            throw ShipmentRules.orderNotFound(orderId);
        }
        return OrderView.of(order, OrderItem.ofOrder(orderId), OrderShipment.ofOrder(orderId));
    }

    @POST
    @Path("/{orderId}/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    @InvalidInput(code = "invalid_shipment")
    @ShipmentRules.Checked
    public Response addShipment(@PathParam("storeId") long storeId, @PathParam("orderId") long orderId,
                                @Valid ShipmentInput input,
                                @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 255, message = "must be at most {max} characters")
                                @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                                String idempotencyKey,
                                @Context UriInfo uri) {
        OrderShipment shipment = shipments.record(storeId, orderId, input, idempotencyKey);
        if (shipment == null) {
            throw ShipmentRules.orderNotFound(orderId);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(shipment.id)).build())
                .entity(ShipmentView.of(shipment)).build();
    }
}
