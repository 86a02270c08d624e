package io.camelinference.common.error;

/**
 * The service answered a request with an error status (after any retries the request was allowed).
 * Carries the HTTP status, the provider's own message and the request id the service gave, so a route can decide
 * what to do (e.g. {@code onException(InferenceApiException.class).onWhen(simple("${exception.statusCode} == 404"))}).
 */
public class InferenceApiException extends InferenceException {

    private final int statusCode;
    private final String providerMessage;
    private final String requestId;
    private final String operation;

    public InferenceApiException(String provider, String operation, int statusCode, String providerMessage,
                                 String requestId) {
        super(provider, describe(provider, operation, statusCode, providerMessage, requestId));
        this.statusCode = statusCode;
        this.providerMessage = providerMessage;
        this.requestId = requestId;
        this.operation = operation;
    }

    private static String describe(String provider, String operation, int status, String message, String requestId) {
        StringBuilder text = new StringBuilder(provider).append(' ').append(operation)
                .append(" failed with HTTP ").append(status);
        String reason = reason(status);
        if (!reason.isEmpty()) {
            text.append(' ').append(reason);
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (requestId != null) {
            text.append(" (request id ").append(requestId).append(')');
        }
        return text.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 301, 302, 303, 307, 308 -> "Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized (check the API key)";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    /** HTTP status the service answered with. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The service's own error text, as found in its error envelope; may be null. */
    public String getProviderMessage() {
        return providerMessage;
    }

    /** The request id the service reported (header or body), when it gave one. */
    public String getRequestId() {
        return requestId;
    }

    /** Method and path of the failed call, e.g. {@code POST /api/predict/heart-risk}. */
    public String getOperation() {
        return operation;
    }
}
