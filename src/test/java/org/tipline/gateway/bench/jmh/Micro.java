package org.tipline.gateway.bench.jmh;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH micro-benchmarks ({@code ./mvnw -B -ntp -DskipTests test-compile exec:java@jmh}); any JMH option can
 * be given in {@code -Dexec.args}. Forked JVMs get the class path exec:java built. Results go to {@code target/bench/jmh.json} as well as the console.
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
        new Runner(options.build()).run();
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
