package dev.tango.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files at the top of the checkout, as operators use them: docker-compose.yml, ops/prometheus and
 * ops/grafana. Read with SnakeYAML and the BSON driver's JSON reader, both already on the test path.
 */
final class OpsFiles {

    static final String COMPOSE = "docker-compose.yml";
    static final String PROMETHEUS = "ops/prometheus/prometheus.yml";
    static final String ALERTS = "ops/prometheus/alerts.yml";
    static final String ALERT_TESTS = "ops/prometheus/alerts.test.yml";
    static final String DASHBOARDS = "ops/grafana/dashboards";
    static final String GRAFANA_DATASOURCES = "ops/grafana/provisioning/datasources/prometheus.yml";
    static final String GRAFANA_DASHBOARD_PROVIDERS = "ops/grafana/provisioning/dashboards/tango.yml";

    /** One PromQL expression and where it comes from, e.g. {@code alerts.yml TangoServiceDown}. */
    record Query(String where, String expression) {}

    private OpsFiles() {}

    /** The checkout's root: the first folder up from the working directory that holds docker-compose.yml. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(COMPOSE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No " + COMPOSE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML document as maps and lists; anchors and merge keys ({@code <<}) resolved. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
        if (!(loaded instanceof Map)) {
            throw new IllegalStateException(relative + " is not a YAML mapping");
        }
        return (Map<String, Object>) loaded;
    }

    static Map<String, Object> compose() {
        return yaml(COMPOSE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    /** Every alert rule of alerts.yml, in order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group :
                (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** Every dashboard of ops/grafana/dashboards by file name. */
    static Map<String, Document> dashboards() {
        Map<String, Document> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(file(DASHBOARDS))) {
            for (Path json : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dashboards.put(
                        json.getFileName().toString(), Document.parse(Files.readString(json, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    /** Every panel of a dashboard, those inside rows included. */
    @SuppressWarnings("unchecked")
    static List<Document> panels(Document dashboard) {
        List<Document> panels = new ArrayList<>();
        for (Document panel : dashboard.getList("panels", Document.class, List.of())) {
            panels.add(panel);
            panels.addAll(panel.getList("panels", Document.class, List.of()));
        }
        return panels;
    }

    /** Every PromQL expression of the alert rules and of the dashboards' panels. */
    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : alertRules()) {
            queries.add(new Query("alerts.yml " + rule.get("alert"), String.valueOf(rule.get("expr"))));
        }
        dashboards().forEach((name, dashboard) -> {
            for (Document panel : panels(dashboard)) {
                for (Document target : panel.getList("targets", Document.class, List.of())) {
                    queries.add(new Query(name + " \"" + panel.getString("title") + "\"", target.getString("expr")));
                }
            }
        });
        return queries;
    }

    /** Every metric name the alerts and dashboards query, with where each is used. */
    static Map<String, Set<String>> queriedMetrics() {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        for (Query query : queries()) {
            for (String name : PromQl.metricNames(query.expression())) {
                metrics.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(query.where());
            }
        }
        return metrics;
    }
}
