package com.orderdesk.cartcom.settings.rest;

import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.settings.service.OrderStatusCache;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores/{storeId}/integrations/cartcom/order-statuses")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cart.com settings")
public class OrderStatusResource {

    public record OrderStatusView(long id, String name, boolean isOpen, boolean isShipped, boolean isCancelled,
                                  boolean isDeclined, boolean isQuoteStatus) {
        static OrderStatusView of(OrderStatus s) {
            return new OrderStatusView(s.id(), s.name(), s.isOpen(), s.isShipped(), s.isCancelled(), s.isDeclined(),
                    s.isQuoteStatus());
        }
    }

    private final OrderStatusCache statuses;

    OrderStatusResource(OrderStatusCache statuses) {
        this.statuses = statuses;
    }

    @GET
    @Operation(summary = "The store's live Cart.com order statuses (cached briefly; refresh=true reads them again)",
            description = "409 not_connected without a connection; 502 with a Cart.com failure code when Cart.com fails.")
    public List<OrderStatusView> list(@PathParam("storeId") long storeId,
                                      @QueryParam("refresh") @DefaultValue("false") boolean refresh) {
        return statuses.statuses(storeId, refresh).stream().map(OrderStatusView::of).toList();
    }
}
