package org.tipline.bench.jmh;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.tipline.bench.MarkedSections;

/**
 * Runs the JMH micro-benchmarks ({@code ./mvnw -B -ntp -DskipTests test-compile exec:java@jmh}); any JMH option can
 * be given in {@code -Dexec.args}. Forked JVMs get the class path exec:java built. Results go to
 * {@code target/bench/jmh.json} and {@code target/bench/jmh.md} as well as the console; with
 * {@code -Dtipline.bench.publish=docs/performance.md} the table also replaces that page's {@code jmh} section.
 */
public final class Micro {

    private Micro() {
    }

    public static void main(String... args) throws Exception {
        Files.createDirectories(Path.of("target/bench"));
        forkWithOurClasspath();
        ChainedOptionsBuilder options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .parent(new CommandLineOptions(args)).include(HotPaths.class.getName())
                .jvmArgsAppend("-Xms512m", "-Xmx512m").resultFormat(ResultFormatType.JSON)
                .result("target/bench/jmh.json");
        String table = markdown(new Runner(options.build()).run());
        Files.writeString(Path.of("target/bench/jmh.md"), table);
        String publish = System.getProperty("tipline.bench.publish");
        if (publish != null) {
            Path page = Path.of(publish);
            Files.writeString(page, MarkedSections.replace(Files.readString(page), "jmh", table));
        }
    }

    /** One row per benchmark and parameter set: the average time per operation with JMH's 99.9 % error. */
    static String markdown(Collection<RunResult> results) {
        StringBuilder md = new StringBuilder("| benchmark | parameters | time per operation | ± (99.9 %) |\n")
                .append("| --- | --- | ---: | ---: |\n");
        results.stream().sorted(Comparator.comparing(r -> r.getParams().getBenchmark())).forEach(run -> {
            BenchmarkParams params = run.getParams();
            Result<?> primary = run.getPrimaryResult();
            String parameters = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                    .collect(Collectors.joining(", "));
            md.append("| ").append(params.getBenchmark().replaceAll(".*\\.", "")).append(" | ").append(parameters)
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f %s", primary.getScore(),
                            primary.getScoreUnit()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", primary.getScoreError()))
                    .append(" |\n");
        });
        return md.toString();
    }

    /** exec:java loads the classes in a class loader of its own; the forked JVMs need that class path. */
    private static void forkWithOurClasspath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            StringJoiner path = new StringJoiner(File.pathSeparator);
            for (URL url : loader.getURLs()) {
                path.add(url.getPath());
            }
            System.setProperty("java.class.path", path.toString());
        }
    }
}
