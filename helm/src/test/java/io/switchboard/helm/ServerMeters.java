package io.switchboard.helm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server's {@code /metrics} can export, learned from its sources without starting it: the meters its main
 * code registers ({@code Counter.builder("...")} and the like, with their {@code .tag("...")} names) and the binders
 * {@code ServerMetrics} binds, registered in a real Prometheus registry of the server's Micrometer version and
 * scraped, so the names carry exactly the suffixes Prometheus sees ({@code _total}, {@code _seconds_count}...).
 */
final class ServerMeters {

    static final Path SOURCES = Path.of("..");
    static final Path SERVER_METRICS =
            SOURCES.resolve("cti-server/src/main/java/io/switchboard/server/metrics/ServerMetrics.java");

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|Gauge|DistributionSummary)\\.builder\\(\\s*(\"([^\"]+)\"|([A-Z_][A-Z0-9_]*))");
    private static final Pattern TAG = Pattern.compile("\\.tag\\(\\s*\"([^\"]+)\"");
    private static final Pattern BINDER = Pattern.compile("new (\\w+Metrics)\\(\\)");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private ServerMeters() {
    }

    /** Exported metric name to its label names. */
    static Map<String, Set<String>> exported() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "switchboard");
        bindServerBinders(registry);
        awaitFirstGcPause(registry);
        for (Path source : mainSources()) {
            registerDeclaredMeters(read(source), registry);
        }
        return parse(registry.scrape());
    }

    /** The meters one source file builds, registered with a placeholder value for each of their tags. */
    static void registerDeclaredMeters(String source, MeterRegistry registry) {
        Matcher builder = BUILDER.matcher(source);
        while (builder.find()) {
            String name = builder.group(3) != null ? builder.group(3) : constant(source, builder.group(4));
            int end = source.indexOf(".register(", builder.end());
            List<String> tags = new ArrayList<>();
            Matcher tag = TAG.matcher(end < 0 ? "" : source.substring(builder.end(), end));
            while (tag.find()) {
                tags.add(tag.group(1));
                tags.add("x");
            }
            String[] tagArray = tags.toArray(String[]::new);
            switch (builder.group(1)) {
                case "Counter" -> Counter.builder(name).tags(tagArray).register(registry);
                case "FunctionCounter" -> FunctionCounter.builder(name, registry, r -> 0).tags(tagArray).register(registry);
                case "Timer" -> Timer.builder(name).tags(tagArray).register(registry);
                case "Gauge" -> Gauge.builder(name, () -> 0).tags(tagArray).register(registry);
                default -> DistributionSummary.builder(name).tags(tagArray).register(registry);
            }
        }
    }

    static Map<String, Set<String>> parse(String scrape) {
        Map<String, Set<String>> metrics = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Set<String> labels = metrics.computeIfAbsent(sample.group(1), n -> new TreeSet<>());
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                labels.add(label.group(1));
            }
        }
        return metrics;
    }

    /**
     * JvmGcMetrics registers its pause timer at the first GC notification, as the server's does some time after start:
     * a collection is asked for so the scrape holds it too.
     */
    private static void awaitFirstGcPause(MeterRegistry registry) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (registry.find("jvm.gc.pause").timer() == null && System.nanoTime() < deadline) {
            System.gc();
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static void bindServerBinders(MeterRegistry registry) {
        String source = read(SERVER_METRICS);
        Matcher binder = BINDER.matcher(source);
        while (binder.find()) {
            String simpleName = binder.group(1);
            Matcher importLine = Pattern.compile("import ([\\w.]+\\." + simpleName + ");").matcher(source);
            if (!importLine.find()) {
                throw new IllegalStateException("ServerMetrics binds " + simpleName + " but does not import it");
            }
            try {
                ((MeterBinder) Class.forName(importLine.group(1)).getDeclaredConstructor().newInstance()).bindTo(registry);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot bind " + importLine.group(1), e);
            }
        }
    }

    private static String constant(String source, String name) {
        Matcher constant = Pattern.compile("static final String " + name + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
        if (!constant.find()) {
            throw new IllegalStateException("meter name constant " + name + " not found in its file");
        }
        return constant.group(1);
    }

    /** The main Java sources of every module (a module's src/main/java). */
    private static List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
