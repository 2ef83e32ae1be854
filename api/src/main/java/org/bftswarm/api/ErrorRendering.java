package org.bftswarm.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure as JSON {@code {"error","detail"}} with the right status (a client
 * mistake is a 4xx, never a 500: bad JSON is 400). Client mistakes are 4xx; port
 * refusals map by {@link PortException.Reason}; a write not ordered in time is 503; anything else is
 * a 500 whose detail carries a correlation id that is also logged with the stack trace.
 */
final class ErrorRendering {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorRendering.class);

    void problem(ApiProblem p, Context ctx) {
        if (p.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"bftswarm\"");
        }
        ctx.status(p.status()).json(p.body());
    }

    void port(PortException e, Context ctx) {
        PortException.Reason r = e.reason();
        ctx.status(r.httpStatus()).json(new ApiError(r.code(), e.getMessage() == null ? r.code() : e.getMessage()));
    }

    /** Javalin's own responses: unknown route, wrong method, oversized body, … */
    void http(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code;
        String detail;
        switch (status) {
            case 404 -> {
                code = "not_found";
                detail = "no route " + ctx.method() + " " + clip(ctx.path());
            }
            case 405 -> {
                code = "method_not_allowed";
                detail = "method " + ctx.method() + " is not allowed on " + clip(ctx.path());
            }
            case 413 -> {
                code = "payload_too_large";
                detail = "request body too large";
            }
            default -> {
                code = status >= 500 ? "internal" : "bad_request";
                detail = e.getMessage() == null ? "HTTP " + status : clip(e.getMessage());
            }
        }
        ctx.status(status).json(new ApiError(code, detail));
    }

    void unexpected(Exception e, Context ctx) {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", correlationId, ctx.method(), ctx.path(), e);
        ctx.status(500).json(new ApiError("internal", "internal error; correlation id " + correlationId));
    }

    /** The failure of an asynchronous write. */
    void renderFailure(Context ctx, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof PortException p) {
            port(p, ctx);
        } else if (cause instanceof TimeoutException) {
            ctx.status(503).json(new ApiError("unavailable", "the operation was not ordered in time; retry later"));
        } else if (cause instanceof ApiProblem p) {
            problem(p, ctx);
        } else {
            unexpected(cause instanceof Exception ex ? ex : new RuntimeException(cause), ctx);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "…";
    }
}
