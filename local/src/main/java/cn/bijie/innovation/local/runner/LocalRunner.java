package cn.bijie.innovation.local.runner;

import cn.bijie.innovation.local.EmulatorStack;
import cn.bijie.innovation.local.auth.LocalJwt;
import cn.bijie.innovation.local.emulator.EmulatorClients;
import cn.bijie.innovation.local.emulator.EmulatorResources;
import cn.bijie.innovation.local.function.FunctionLoader;
import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.http.HttpApiServer;
import cn.bijie.innovation.local.http.RouteTable;
import cn.bijie.innovation.local.notification.BucketNotifications;
import cn.bijie.innovation.local.schedule.ScheduleRunner;
import cn.bijie.innovation.local.stream.StreamPollers;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import cn.bijie.innovation.local.web.WebConsole;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs template.yaml locally without Docker: what {@code sam local start-api} does, plus DynamoDB streams and schedules,
 * against an AWS emulator. Also invokes one function once ({@code --invoke}), like {@code sam local invoke}.
 */
public final class LocalRunner {
    private final CliOptions options;
    private final EmulatorStack emulator;
    private final TemplateModel template;
    private final StackContext stack;
    private final EmulatorClients clients;
    private final EmulatorResources resources;
    private final IntrinsicResolver resolver;
    private final FunctionLoader loader;
    private final FunctionRegistry functions = new FunctionRegistry();
    private volatile HttpApiServer server;
    private volatile StreamPollers pollers;
    private volatile ScheduleRunner schedules;
    private volatile BucketNotifications notifications;

    private LocalRunner(CliOptions options) throws IOException {
        this.options = options;
        EmulatorStack emulator = EmulatorStack.open(options.template(),
                new StackContext(options.stack(), options.region(), options.endpoint()), options.parameters());
        this.emulator = emulator;
        this.template = emulator.template();
        this.stack = emulator.context();
        this.clients = emulator.clients();
        this.resources = emulator.resources();
        this.resolver = emulator.resolver();
        this.loader = new FunctionLoader(options.projectRoot(), emulator.environments(), resolver);
    }

    public static void main(String[] args) {
        Log.useUtf8Stderr();
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("local runner: " + e.getMessage());
            }
            System.err.println(CliOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            LocalRunner runner = new LocalRunner(options);
            if (options.invoke() != null) {
                System.exit(runner.invokeOnce());
            }
            runner.serve();
        } catch (StartupFailed | FunctionLoader.LoadFailed | IllegalArgumentException | IllegalStateException e) {
            System.err.println("local runner: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("local runner: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(1);
        }
    }

    /** A reason not to start, already phrased for the person who ran the command. */
    static final class StartupFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StartupFailed(String message) {
            super(message);
        }
    }

    private void serve() throws IOException, InterruptedException, StartupFailed, FunctionLoader.LoadFailed {
        List<FunctionSpec> specs = template.functions();
        requireJars(specs);
        RouteTable routes = RouteTable.fromFunctions(specs, resolver);
        LocalJwt jwt = new LocalJwt(Clock.systemUTC());
        LocalEndpoints local = new LocalEndpoints(jwt, functions, resources::reachable, stack);
        server = new HttpApiServer(options.host(), options.port(), routes, functions, jwt, List.of(local), stack);
        server.serveConsole(new WebConsole(options.projectRoot().resolve("web/dist"),
                routes::servesPath, stack.endpoint().toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "shutdown"));
        server.start(); // health answers 503 while the rest starts

        resources.awaitReachable(Duration.ofSeconds(60));
        resources.createAll();
        for (FunctionSpec spec : specs) {
            long started = System.nanoTime();
            functions.add(loader.load(spec));
            Log.info("loaded %s (%s) in %d ms", spec.logicalId(), options.projectRoot().relativize(loader.jarPath(spec)),
                    (System.nanoTime() - started) / 1_000_000);
        }
        schedules = new ScheduleRunner(ScheduleRunner.fromFunctions(specs, resolver, stack, java.time.Instant.now()),
                functions, stack, Clock.systemUTC());
        pollers = StreamPollers.fromFunctions(specs, functions, resolver, clients, emulator.attributes(), stack);
        notifications = BucketNotifications.fromFunctions(specs, functions, resolver, clients.s3, stack);
        local.attach(schedules, pollers);
        local.attach(notifications);
        pollers.start();
        schedules.start();
        notifications.start();
        functions.markComplete();
        banner(routes, specs.size());
    }

    /** All missing jars at once, before anything else starts: the fix is one build. */
    private void requireJars(List<FunctionSpec> specs) throws StartupFailed {
        List<String> missing = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            Path jar = loader.jarPath(spec);
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + spec.logicalId() + ": " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupFailed("function jars are missing; build them first (mvn -DskipTests package, or ./dev up):\n"
                    + String.join("\n", missing));
        }
    }

    private int invokeOnce() throws IOException, InterruptedException, StartupFailed, FunctionLoader.LoadFailed {
        PrintStream stdout = System.out;
        System.setOut(System.err); // what the function prints must not mix with its output
        FunctionSpec spec = emulator.function(options.invoke());
        byte[] event = Files.readAllBytes(options.event());
        requireJars(List.of(spec));
        resources.awaitReachable(Duration.ofSeconds(30));
        resources.createAll();
        try (LoadedFunction function = loader.load(spec)) {
            byte[] output = function.invoke(event);
            stdout.write(output);
            stdout.println();
            stdout.flush();
            return 0;
        } catch (LoadedFunction.InvocationFailed e) {
            System.err.println("local runner: " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace(System.err);
            }
            return 1;
        } finally {
            clients.close();
        }
    }

    private void banner(RouteTable routes, int functionCount) {
        String base = "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + server.port();
        for (RouteTable.Route route : routes.routes()) {
            Log.info("route %-45s → %s%s", route.routeKey(), route.logicalId(), route.requiresAuth() ? "" : " (public)");
        }
        String example = routes.routes().stream()
                .filter(r -> r.method().equals("GET") && !r.path().contains("{") && !r.requiresAuth())
                .map(RouteTable.Route::path)
                .findFirst()
                .orElse("/local/health");
        PrintStream out = System.out;
        out.println();
        out.println("Local stack '" + stack.stackName() + "' from " + options.template() + " on " + stack.endpoint());
        out.println("  " + functionCount + " functions, " + routes.routes().size() + " routes, " + pollers.size()
                + " stream pollers, " + schedules.entries().size() + " schedules");
        out.println("HTTP API listening on " + base + "  (Ctrl-C stops)");
        out.println("  TOKEN=$(curl -s -X POST " + base + "/local/token -H 'Content-Type: application/json' \\");
        out.println("      -d '{\"sub\":\"u1\",\"groups\":[\"staff\"]}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
        out.println("  curl -s " + base + example + " -H \"Authorization: Bearer $TOKEN\"");
        out.println();
        out.flush();
    }

    /** Ctrl-C or SIGTERM: stop taking requests, stop pollers and schedules, close the clients. */
    private void shutdown() {
        Log.info("stopping");
        if (server != null) {
            server.stop();
        }
        if (schedules != null) {
            schedules.stop();
        }
        if (notifications != null) {
            notifications.stop();
        }
        if (pollers != null) {
            pollers.stop();
        }
        clients.close();
    }
}
