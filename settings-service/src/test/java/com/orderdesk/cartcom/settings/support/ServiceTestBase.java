package com.orderdesk.cartcom.settings.support;

import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStack;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * What the service's {@code @QuarkusTest}s run against, declared once: the devstack's real Kafka and PostgreSQL (the
 * settings database) and the packaged Cart.com sandbox. Both resources are global, so every test class that does not
 * bring a profile of its own shares one start of the service.
 */
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = DevStack.SETTINGS_DB))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = false)
public abstract class ServiceTestBase {
}
