package cn.bijie.innovation.local.http;

import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.TemplateModel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The HTTP API's routes from the functions' {@code HttpApi} events, matched the way API Gateway picks a route. */
public final class RouteTable {

    /** One route. {@code path} is the template's, e.g. {@code /organizations/{uscc}}; method may be ANY. */
    public record Route(String method, String path, String logicalId, boolean requiresAuth) {
        public String routeKey() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    record Match(Route route, Map<String, String> pathParameters) {}

    private enum Kind { GREEDY, PARAMETER, LITERAL } // ordinal order = how specific

    private record Compiled(Route route, List<String> segments, List<Kind> kinds) {
        boolean isDefault() {
            return route.path().equals("$default");
        }
    }

    private final List<Compiled> routes = new ArrayList<>();

    public RouteTable(List<Route> routes) {
        for (Route route : routes) {
            List<String> segments = route.path().equals("$default") ? List.of() : split(route.path());
            List<Kind> kinds = segments.stream().map(RouteTable::kind).toList();
            this.routes.add(new Compiled(route, segments, kinds));
        }
    }

    /** Every {@code Type: HttpApi} event of every function; {@code Auth.Authorizer: NONE} makes a route public. */
    public static RouteTable fromFunctions(List<FunctionSpec> functions, IntrinsicResolver resolver) {
        List<Route> routes = new ArrayList<>();
        for (FunctionSpec function : functions) {
            for (FunctionSpec.EventSpec event : function.events("HttpApi")) {
                Map<String, Object> p = TemplateModel.map(resolver.resolve(event.properties()));
                String path = p.get("Path") == null ? "$default" : String.valueOf(p.get("Path"));
                String method = p.get("Method") == null ? "ANY" : String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT);
                String authorizer = String.valueOf(TemplateModel.map(p.get("Auth")).get("Authorizer"));
                routes.add(new Route(method.equals("*") ? "ANY" : method, path, function.logicalId(),
                        !authorizer.equals("NONE")));
            }
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    /** Whether some route, of any method, serves this path (the web console leaves such paths to the API). */
    public boolean servesPath(String rawPath) {
        List<String> raw = split(rawPath);
        List<String> decoded = raw.stream().map(RouteTable::decode).toList();
        return routes.stream().anyMatch(candidate -> !candidate.isDefault() && bind(candidate, raw, decoded) != null);
    }

    /** The most specific route for a request: literal segments beat {param}, which beats {greedy+}; a method beats ANY. */
    public Optional<Match> match(String method, String rawPath) {
        List<String> raw = split(rawPath);
        List<String> decoded = raw.stream().map(RouteTable::decode).toList();
        Compiled best = null;
        Map<String, String> bestParams = null;
        for (Compiled candidate : routes) {
            String m = candidate.route().method();
            if (!m.equals("ANY") && !m.equals(method)) {
                continue;
            }
            Map<String, String> params = bind(candidate, raw, decoded);
            if (params != null && (best == null || SPECIFICITY.compare(candidate, best) > 0)) {
                best = candidate;
                bestParams = params;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best.route(), bestParams));
    }

    private static final Comparator<Compiled> SPECIFICITY = (a, b) -> {
        if (a.isDefault() != b.isDefault()) { // $default only when nothing else matches
            return a.isDefault() ? -1 : 1;
        }
        for (int i = 0; i < Math.min(a.kinds().size(), b.kinds().size()); i++) {
            int byKind = a.kinds().get(i).compareTo(b.kinds().get(i));
            if (byKind != 0) {
                return byKind;
            }
        }
        int byLength = Integer.compare(a.kinds().size(), b.kinds().size());
        if (byLength != 0) {
            return byLength;
        }
        return Boolean.compare(!a.route().method().equals("ANY"), !b.route().method().equals("ANY"));
    };

    /** Path parameters when the request fits the route, else null. */
    private static Map<String, String> bind(Compiled route, List<String> raw, List<String> decoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (route.isDefault()) {
            return params;
        }
        for (int i = 0; i < route.segments().size(); i++) {
            String segment = route.segments().get(i);
            Kind kind = route.kinds().get(i);
            if (kind == Kind.GREEDY) {
                if (i >= raw.size()) {
                    return null;
                }
                params.put(name(segment), decode(String.join("/", raw.subList(i, raw.size()))));
                return params;
            }
            if (i >= decoded.size()) {
                return null;
            }
            if (kind == Kind.LITERAL && !segment.equals(decoded.get(i))) {
                return null;
            }
            if (kind == Kind.PARAMETER) {
                if (decoded.get(i).isEmpty()) {
                    return null;
                }
                params.put(name(segment), decoded.get(i));
            }
        }
        return route.segments().size() == raw.size() ? params : null;
    }

    private static Kind kind(String segment) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            return Kind.GREEDY;
        }
        return segment.startsWith("{") && segment.endsWith("}") ? Kind.PARAMETER : Kind.LITERAL;
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - (segment.endsWith("+}") ? 2 : 1));
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    /** Percent-decoding of a path segment: unlike a query string, '+' is a plus, not a space. */
    public static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // a stray '%' is passed as sent
        }
    }
}
