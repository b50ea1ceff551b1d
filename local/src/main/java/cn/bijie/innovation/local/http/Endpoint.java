package cn.bijie.innovation.local.http;

import java.util.Optional;

/**
 * Requests the runner answers itself, before the template's routes: the local control routes today, static files or
 * other local-only services later. The server asks each endpoint in turn; the first answer wins.
 */
public interface Endpoint {
    /** The reply, or empty when the request is not this endpoint's (the next one, then the API's routes, get it). */
    Optional<HttpReply> handle(IncomingRequest request) throws InterruptedException;
}
