package io.aclens.contracts.api;

/**
 * What a connection test found: {@code ok}, or the step that failed ({@code host}, {@code tls}, {@code credentials},
 * {@code share}, {@code permissions}, {@code base-dn}, {@code files}) and a reason an operator can act on.
 */
public record ConnectionTestResult(boolean ok, String failedStep, String reason) {
    public static ConnectionTestResult passed(String what) {
        return new ConnectionTestResult(true, null, what);
    }

    public static ConnectionTestResult failed(String step, String reason) {
        return new ConnectionTestResult(false, step, reason);
    }
}
