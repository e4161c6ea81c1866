package io.aclens.support.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a path parameter that is itself a credential (a download link's token): the audit trail records the call's
 * path with its value replaced, since secrets never reach logs or events.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Credential {
}
