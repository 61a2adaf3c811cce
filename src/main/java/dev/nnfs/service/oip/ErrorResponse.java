package dev.nnfs.service.oip;

/**
 * The protocol's error object, {@code {"error": "<what is wrong>"}}, answered as
 * {@code application/json} with a 4xx or 5xx status on every {@code /v2} route.
 */
public record ErrorResponse(String error) {
}
