package org.tipline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The benchmark harness: starts the servers (or uses external ones), starts the packaged gateway as a child process,
 * runs the scenarios asked for and writes their results as JSON and as a Markdown table. Numbers come only from
 * running it; docs/performance.md is its output.
 */
@Command(name = "tipline-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the gateway against its servers on this machine.")
public class BenchCommand implements Callable<Integer> {

    /** Connections the open loop may use at once: its rate times its slowest answers, with room to spare. */
    private static final int OPEN_LOOP_CONNECTIONS = 256;

    /** The scenarios, in the order they run; {@code serve} runs only when named, and alone. */
    enum Scenario {
        INTAKE, AUDIT_QUERY, SERVE
    }

    @Spec
    CommandSpec spec;

    @Parameters(description = "Scenarios to run: intake, audit-query (default: both); or serve alone: the gateway"
            + " for an outside load generator (wrk), with the ledger's own count", arity = "0..*",
            converter = ScenarioConverter.class)
    List<Scenario> scenarios = new ArrayList<>();

    @Option(names = "--out", defaultValue = "target/bench", description = "Output folder (${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--gateway-jar", defaultValue = "gateway/target/quarkus-app/quarkus-run.jar",
            description = "The packaged gateway (${DEFAULT-VALUE})")
    Path jar;

    @Option(names = "--gateway-jvm-option", defaultValue = "-Xmx256m",
            description = "JVM options for the gateway (repeatable; ${DEFAULT-VALUE}, a production-like heap limit;"
                    + " add -XX:StartFlightRecording=filename=gateway.jfr to profile it)")
    List<String> gatewayJvmOptions;

    @Option(names = "--jdbc-url", description = "External PostgreSQL (default: start the local stack)")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "tipline_app", description = "Application role (${DEFAULT-VALUE})")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "", description = "Its password")
    String jdbcPassword;

    @Option(names = "--owner-user", defaultValue = "tipline_owner", description = "Schema owner (${DEFAULT-VALUE})")
    String ownerUser;

    @Option(names = "--owner-password", defaultValue = "", description = "Its password")
    String ownerPassword;

    @Option(names = "--bootstrap-servers", description = "External Kafka (default: start the local stack)")
    String bootstrapServers;

    @Option(names = "--sizes", split = ",", defaultValue = "2048,20480",
            description = "Report body sizes in bytes for intake (${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--clients", defaultValue = "16",
            description = "Concurrent clients for the closed loop and the PostgreSQL baseline (${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--warm-up", defaultValue = "PT60S", description = "Warm-up per size (${DEFAULT-VALUE})")
    Duration warmUp;

    @Option(names = "--duration", defaultValue = "PT30S", description = "Each measured run (${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--open-loop", split = ",", defaultValue = "0.25,0.5",
            description = "Open-loop rates as fractions of the closed-loop maximum (${DEFAULT-VALUE})")
    List<Double> openFractions;

    @Option(names = "--baseline-duration", defaultValue = "PT10S",
            description = "Each baseline (${DEFAULT-VALUE})")
    Duration baselineDuration;

    @Option(names = "--audit-events", defaultValue = "1000000",
            description = "Events in the log for audit-query (${DEFAULT-VALUE})")
    long auditEvents;

    @Option(names = "--audit-queries", defaultValue = "5000",
            description = "Queries per concurrency level for audit-query (${DEFAULT-VALUE})")
    int auditQueries;

    @Option(names = "--serve-for", defaultValue = "PT10M",
            description = "How long the serve scenario keeps the gateway up (${DEFAULT-VALUE})")
    Duration serveFor;

    @Option(names = "--publish", description = "Also write the results and the verdicts into this Markdown file,"
            + " between its bench markers (e.g. docs/performance.md)")
    Path publish;

    public static void main(String... args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        QuietLogs.apply();
        List<Scenario> chosen = scenarios.isEmpty() ? List.of(Scenario.INTAKE, Scenario.AUDIT_QUERY) : scenarios;
        if (chosen.contains(Scenario.SERVE) && chosen.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "serve runs alone");
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("machine", Machine.describe());
        BenchEnvironment.External external = new BenchEnvironment.External(jdbcUrl, jdbcUser, jdbcPassword,
                ownerUser, ownerPassword, bootstrapServers);
        try (BenchEnvironment environment = BenchEnvironment.start(out, external)) {
            results.put("servers", environment.describe());
            results.put("gatewayJvmOptions", gatewayJvmOptions);
            for (Scenario scenario : chosen) {
                results.put(name(scenario), run(scenario, environment));
            }
        }
        if (chosen.contains(Scenario.SERVE)) {
            Path file = out.resolve("serve").resolve("ledger.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
            spec.commandLine().getOut().printf("The ledger's count: %s (%s)%n", results.get("serve"), file);
        } else {
            write(results);
        }
        return 0;
    }

    private Map<String, Object> run(Scenario scenario, BenchEnvironment environment) throws Exception {
        Progress.say("%s: starting the gateway", name(scenario));
        try (GatewayProcess gateway = GatewayProcess.start(jar, environment.gatewayConfig(), gatewayJvmOptions,
                out.resolve("gateway-" + name(scenario) + ".log"))) {
            GatewayApi api = new GatewayApi(gateway.base(), gateway.adminKey(), Math.max(8, clients));
            return switch (scenario) {
                case INTAKE -> {
                    try (LoadClient load = new LoadClient(gateway.base(), Math.max(clients, OPEN_LOOP_CONNECTIONS))) {
                        yield Map.of("runs", new IntakeBenchmark(api, load, gateway, environment,
                                new IntakeBenchmark.Settings(sizes, clients, warmUp, duration, openFractions,
                                        baselineDuration))
                                .run());
                    }
                }
                case AUDIT_QUERY -> new AuditQueryBenchmark(api, environment, auditEvents, auditQueries,
                        List.of(1, 4)).run();
                case SERVE -> new ServeScenario(api, gateway, environment, out, sizes.get(0), serveFor).run();
            };
        }
    }

    private void write(Map<String, Object> results) throws java.io.IOException {
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = out.resolve("results.json");
        json.writeValue(file.toFile(), results);
        Path markdown = out.resolve("results.md");
        Files.writeString(markdown, ResultsTable.markdown(results));
        if (publish != null) {
            Files.writeString(publish, ResultsTable.publish(Files.readString(publish), results));
        }
        spec.commandLine().getOut().printf("%s%nResults: %s and %s%s%n", ResultsTable.markdown(results), file,
                markdown, publish == null ? "" : ", published in " + publish);
    }

    /** Scenario names as written on the command line, e.g. {@code audit-query}. */
    static final class ScenarioConverter implements CommandLine.ITypeConverter<Scenario> {

        @Override
        public Scenario convert(String value) {
            return Scenario.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    static String name(Scenario scenario) {
        return scenario.name().toLowerCase().replace('_', '-');
    }
}
