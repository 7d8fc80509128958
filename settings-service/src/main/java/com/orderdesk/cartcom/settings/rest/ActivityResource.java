package com.orderdesk.cartcom.settings.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.orderdesk.cartcom.kit.auth.StoreScoped;
import com.orderdesk.cartcom.settings.repository.ActivityRepository;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stores/{storeId}/integrations/cartcom/activity")
@StoreScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity and status")
public class ActivityResource {
    static final int MAX_LIMIT = 500;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActivityView(Instant at, String kind, String level, String message, Long cartOrderId, Long orderId,
                               UUID importId, Map<String, Long> counts) {
        static ActivityView of(ActivityRepository.Entry e) {
            return new ActivityView(e.at(), e.kind(), e.level(), e.message(), e.cartOrderId(), e.orderId(), e.importId(),
                    e.counts().isEmpty() ? null : e.counts());
        }
    }

    private final ActivityRepository activities;

    ActivityResource(ActivityRepository activities) {
        this.activities = activities;
    }

    @GET
    @Operation(summary = "What the integration did for this store, newest first")
    public List<ActivityView> list(@PathParam("storeId") long storeId,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return activities.newest(storeId, bounded).stream().map(ActivityView::of).toList();
    }
}
