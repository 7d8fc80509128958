package com.orderdesk.cartcom.kit.rest;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Map;

/**
 * The validator of a cross-parameter constraint whose rules compare a request body with stored data (the order's
 * items, the store's folders and statuses): the rules name each broken field of the body with its message, and each
 * becomes a violation of that field, so the 422 answer lists them beside the field constraints' ones, in the same
 * {@code error.fields} shape. A rule may also refuse the whole request by throwing an {@link ApiException} (the store
 * is not connected, the order is not found), which {@link ErrorMappers} answer as such.
 *
 * <p>A subclass is a bean annotated {@code @SupportedValidationTarget(ValidationTarget.PARAMETERS)} (not inherited);
 * this class has no constructor arguments, so that a normal-scoped subclass can still be proxied.
 *
 * @param <A> the constraint annotation, put on the resource method
 */
public abstract class StoredDataRules<A extends Annotation> implements ConstraintValidator<A, Object[]> {
    @Override
    public final boolean isValid(Object[] parameters, ConstraintValidatorContext context) {
        Map<String, String> broken = broken(parameters);
        context.disableDefaultConstraintViolation();
        // No message quotes the input (ids and stored quantities at most): none is read as a template it did not mean.
        broken.forEach((field, message) -> context.buildConstraintViolationWithTemplate(message)
                .addParameterNode(bodyParameter()).addPropertyNode(field).addConstraintViolation());
        return broken.isEmpty();
    }

    /** The index of the request body among the method's parameters. */
    protected abstract int bodyParameter();

    /** The broken fields of the body (as the violation's property path names them) and their messages, in order. */
    protected abstract Map<String, String> broken(Object[] parameters);
}
