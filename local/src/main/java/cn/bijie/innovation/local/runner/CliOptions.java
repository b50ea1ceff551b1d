package cn.bijie.innovation.local.runner;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line. */
record CliOptions(Path template, int port, String host, URI endpoint, String stack, String region,
                  Map<String, String> parameters, String invoke, Path event) {

    static final String USAGE = String.join("\n",
            "usage: java -jar local/target/local-runner.jar --template template.yaml [options]",
            "  --port 3000                      HTTP API port",
            "  --host 127.0.0.1                 address to listen on",
            "  --endpoint http://127.0.0.1:4566 the emulator (MiniStack, LocalStack)",
            "  --stack bijie-local              stack name: prefixes derived resource names",
            "  --region us-east-1",
            "  --param Name=Value               template parameter (repeatable)",
            "  --invoke LogicalId --event f.json  invoke one function once, print its output, exit");

    static CliOptions parse(String... args) {
        Path template = null;
        int port = 3000;
        String host = "127.0.0.1";
        URI endpoint = URI.create("http://127.0.0.1:4566");
        String stack = "bijie-local";
        String region = "us-east-1";
        Map<String, String> parameters = new LinkedHashMap<>();
        String invoke = null;
        Path event = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--template" -> template = Path.of(value);
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--endpoint" -> endpoint = URI.create(value);
                case "--stack" -> stack = value;
                case "--region" -> region = value;
                case "--param" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param needs Name=Value, got " + value);
                    }
                    parameters.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--invoke" -> invoke = value;
                case "--event" -> event = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (template == null) {
            throw new IllegalArgumentException("--template is required");
        }
        if ((invoke == null) != (event == null)) {
            throw new IllegalArgumentException("--invoke and --event go together");
        }
        return new CliOptions(template.toAbsolutePath().normalize(), port, host, endpoint, stack, region, parameters, invoke, event);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0-65535, got " + value);
        }
    }

    /** The project root: CodeUri paths are relative to the template's folder, as with sam build. */
    Path projectRoot() {
        return template.getParent();
    }
}
