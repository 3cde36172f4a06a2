package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The production shape without Docker: docker-compose.yml parses, names only pinned images and only services, ports
 * and modules that exist; Prometheus scrapes exactly those; the alert rules and the dashboards are well formed. That
 * every metric they query is really exposed is TangoSystemIT's, against running services.
 */
class OpsFilesTest {

    /** Third-party images: an exact release (major.minor.patch), or a digest. */
    private static final Pattern PINNED = Pattern.compile(
            "[^:@]+:v?\\d+\\.\\d+\\.\\d+[^:@]*(@sha256:[0-9a-f]{64})?" + "|[^:@]+(:[^:@]+)?@sha256:[0-9a-f]{64}");

    private static final Pattern OWN_IMAGE = Pattern.compile("tango/([a-z-]+):(.+)");
    private static final Pattern URL_HOST_PORT = Pattern.compile("^[a-z]+://([a-z0-9-]+):(\\d+)(/.*)?$");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential).*");

    @Test
    void composeNamesOnlyPinnedImages() {
        OpsFiles.composeServices().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            assertThat(image).as("image of %s", name).doesNotContain("${").doesNotEndWith(":latest");
            Matcher own = OWN_IMAGE.matcher(image);
            if (own.matches()) {
                assertThat(own.group(2))
                        .as("%s: the version the build gives its images (root pom)", name)
                        .isEqualTo(projectVersion());
            } else {
                assertThat(image)
                        .as("%s: an exact release tag or a digest, never a floating tag", name)
                        .matches(PINNED);
            }
        });
    }

    @Test
    void composeRunsEveryImageTheBuildMakesWithItsPorts() {
        Map<String, Map<String, Object>> services = OpsFiles.composeServices();
        Set<String> imaged = new TreeSet<>();
        services.forEach((name, service) -> {
            Matcher own = OWN_IMAGE.matcher(String.valueOf(service.get("image")));
            if (!own.matches()) {
                return;
            }
            String module = own.group(1);
            imaged.add(module);
            assertThat(modules())
                    .as("%s runs tango/%s: a module of the root pom", name, module)
                    .contains(module);
            assertThat(name).as("the Compose service is named after its module").isEqualTo(module);

            String serverPort = serverPort(module);
            String managementPort = env(service).get("MANAGEMENT_SERVER_PORT");
            assertThat(managementPort)
                    .as("%s: management port (Prometheus scrapes it)", name)
                    .isNotNull()
                    .isNotEqualTo(serverPort)
                    .isEqualTo(pomProperty(module, "tango.image.management-port"));
            assertThat(pomProperty(module, "tango.image.port"))
                    .as("%s: the image's API port is the module's server.port", module)
                    .isEqualTo(serverPort);
            assertThat(containerPorts(service))
                    .as("%s exposes its server.port and management port", name)
                    .contains(serverPort, managementPort);
            assertThat(env(service)).containsEntry("TANGO_MANAGEMENT_OPENPROMETHEUS", "true");
            assertThat(String.join(" ", healthTest(service)))
                    .as("%s: health check on its own management port", name)
                    .contains("/dev/tcp/127.0.0.1/" + managementPort + " ")
                    .contains("/actuator/health/readiness");
        });
        assertThat(imaged)
                .as("every module that builds an image (jib.skip false) runs in Compose")
                .isEqualTo(imageModules());
    }

    @Test
    void composeWiresOnlyServicesAndPortsThatExist() {
        Map<String, Map<String, Object>> services = OpsFiles.composeServices();
        services.forEach((name, service) -> env(service).forEach((key, value) -> {
            Matcher url = URL_HOST_PORT.matcher(value);
            if (url.matches()) {
                String host = url.group(1);
                if (host.equals("localhost")) {
                    return;
                }
                assertThat(services)
                        .as("%s %s=%s names a Compose service", name, key, value)
                        .containsKey(host);
                if (OWN_IMAGE
                        .matcher(String.valueOf(services.get(host).get("image")))
                        .matches()) {
                    assertThat(url.group(2))
                            .as("%s %s=%s: the port %s serves (server.port)", name, key, value, host)
                            .isEqualTo(serverPort(host));
                }
            }
        }));
        for (Map<String, Object> service : services.values()) {
            Map<String, String> env = env(service);
            if (env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                String broker = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
                assertThat(services).containsKey(broker.substring(0, broker.indexOf(':')));
                assertThat(env(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS"))
                        .contains("://" + broker);
            }
            if (env.containsKey("SPRING_MONGODB_URI")) {
                Matcher mongo = URL_HOST_PORT.matcher(env.get("SPRING_MONGODB_URI"));
                assertThat(mongo.matches()).as(env.get("SPRING_MONGODB_URI")).isTrue();
                assertThat(services).containsKey(mongo.group(1));
            }
        }
        assertThat(String.join(" ", healthTest(services.get("mongo"))))
                .as("the compose file initiates its MongoDB replica set itself")
                .contains("rs.initiate")
                .contains("rs0");
        assertThat(env(services.get("kafka")))
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsInOrderOnHealthyDependencies() {
        Map<String, Map<String, Object>> services = OpsFiles.composeServices();
        services.forEach((name, service) -> {
            assertThat(service).as("%s has a health check", name).containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as("%s: depends_on with conditions", name).isInstanceOf(Map.class);
            ((Map<String, Map<String, Object>>) dependsOn).forEach((target, condition) -> {
                assertThat(services).as("%s depends on %s", name, target).containsKey(target);
                assertThat(condition).containsEntry("condition", "service_healthy");
                assertThat(services.get(target))
                        .as("%s has a health check", target)
                        .containsKey("healthcheck");
            });
        });
        assertThat(services.get("prometheus"))
                .as("Prometheus runs while a service is down, to report it")
                .doesNotContainKey("depends_on");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeKeepsDataInNamedVolumesAndNoSecrets() {
        Map<String, Object> compose = OpsFiles.compose();
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        Set<String> used = new HashSet<>();
        OpsFiles.composeServices().forEach((name, service) -> {
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(OpsFiles.file(source.substring(2)))
                            .as("%s mounts %s", name, source)
                            .exists();
                } else {
                    assertThat(declared).as("%s: named volume %s", name, source).contains(source);
                    used.add(source);
                }
            }
            env(service).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    assertThat(value)
                            .as("%s %s comes from .env, never the file", name, key)
                            .startsWith("${")
                            .doesNotContain(":-");
                }
            });
        });
        assertThat(used).as("every declared volume is used").containsExactlyInAnyOrderElementsOf(declared);
        assertThat(OpsFiles.read(".env.example")).contains("GRAFANA_ADMIN_PASSWORD=\n");
        assertThat(OpsFiles.read(".gitignore").lines()).contains(".env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Map<String, Map<String, Object>> services = OpsFiles.composeServices();
        Map<String, Object> config = OpsFiles.yaml(OpsFiles.PROMETHEUS);
        for (Object ruleFile : (List<Object>) config.get("rule_files")) {
            assertThat(OpsFiles.file(OpsFiles.PROMETHEUS).resolveSibling(String.valueOf(ruleFile)))
                    .exists();
        }
        Map<String, String> scraped = new LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            if (!"tango".equals(job.get("job_name"))) {
                continue;
            }
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                for (Object target : (List<Object>) group.get("targets")) {
                    String[] hostPort = String.valueOf(target).split(":");
                    scraped.put(hostPort[0], hostPort[1]);
                    assertThat(((Map<String, Object>) group.get("labels")).get("service"))
                            .isEqualTo(hostPort[0]);
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (OWN_IMAGE.matcher(String.valueOf(service.get("image"))).matches()) {
                expected.put(name, env(service).get("MANAGEMENT_SERVER_PORT"));
            }
        });
        assertThat(scraped).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertRulesAreWellFormed() {
        List<Map<String, Object>> rules = OpsFiles.alertRules();
        assertThat(rules)
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "TangoServiceDown",
                        "TangoConsumerLagGrowing",
                        "TangoMessageDeadLettered",
                        "TangoOutboxBacklogGrowing",
                        "TangoHttpLatencyP99OverTarget")
                .doesNotHaveDuplicates();
        for (Map<String, Object> rule : rules) {
            String expression = String.valueOf(rule.get("expr"));
            assertThat(PromQl.syntaxProblem(expression))
                    .as("%s: %s", rule.get("alert"), expression)
                    .isNull();
            assertThat(PromQl.metricNames(expression))
                    .as("%s queries a metric", rule.get("alert"))
                    .isNotEmpty();
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "description");
        }
        Map<String, Object> consumerLag = rules.stream()
                .filter(rule -> "TangoConsumerLagGrowing".equals(rule.get("alert")))
                .findFirst()
                .orElseThrow();
        assertThat(consumerLag).containsEntry("for", "5m");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsPrometheusAndEveryDashboard() {
        Map<String, Object> datasource = ((List<Map<String, Object>>)
                        OpsFiles.yaml(OpsFiles.GRAFANA_DATASOURCES).get("datasources"))
                .get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        Map<String, Object> provider = ((List<Map<String, Object>>)
                        OpsFiles.yaml(OpsFiles.GRAFANA_DASHBOARD_PROVIDERS).get("providers"))
                .get(0);
        String path = String.valueOf(((Map<String, Object>) provider.get("options")).get("path"));
        assertThat((List<Object>) OpsFiles.composeServices().get("grafana").get("volumes"))
                .as("the provider's path is where Compose mounts ops/grafana/dashboards")
                .contains("./" + OpsFiles.DASHBOARDS + ":" + path + ":ro");

        Map<String, Document> dashboards = OpsFiles.dashboards();
        assertThat(dashboards).containsOnlyKeys("platform.json", "program.json");
        Set<String> uids = new HashSet<>();
        dashboards.forEach((name, dashboard) -> {
            assertThat(uids.add(dashboard.getString("uid")))
                    .as("%s: unique uid", name)
                    .isTrue();
            List<String> problems = new ArrayList<>();
            for (Document panel : OpsFiles.panels(dashboard)) {
                if ("row".equals(panel.getString("type"))) {
                    continue;
                }
                Document source = panel.get("datasource", Document.class);
                if (source == null || !datasource.get("uid").equals(source.getString("uid"))) {
                    problems.add(panel.getString("title") + ": not the provisioned data source");
                }
                List<Document> targets = panel.getList("targets", Document.class, List.of());
                if (targets.isEmpty()) {
                    problems.add(panel.getString("title") + ": no query");
                }
                for (Document target : targets) {
                    String problem = PromQl.syntaxProblem(target.getString("expr"));
                    if (problem != null
                            || PromQl.metricNames(target.getString("expr")).isEmpty()) {
                        problems.add(panel.getString("title") + ": " + target.getString("expr") + " " + problem);
                    }
                }
            }
            assertThat(problems).as(name).isEmpty();
        });
    }

    @Test
    void promQlReadsMetricNamesOutOfExpressions() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (application, le) "
                        + "(rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[$__rate_interval]))) > 1"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("up{job=\"tango\"} == 0 and on (service) foo offset 5m unless bar"))
                .containsExactly("up", "foo", "bar");
        assertThat(PromQl.metricNames("delta(sum by (topic) (x_total)[5m:1m]) > 0"))
                .containsExactly("x_total");
        assertThat(PromQl.syntaxProblem("sum(rate(x[5m])")).isEqualTo("an unclosed '('");
        assertThat(PromQl.syntaxProblem("x{a=\"b}")).isEqualTo("an unclosed string");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasARuleTestThatMakesItFire() {
        Map<String, Object> tests = OpsFiles.yaml(OpsFiles.ALERT_TESTS);
        assertThat((List<Object>) tests.get("rule_files")).containsExactly("alerts.yml");
        Set<String> fired = new TreeSet<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                if (!((List<Object>) check.get("exp_alerts")).isEmpty()) {
                    fired.add(String.valueOf(check.get("alertname")));
                }
            }
        }
        assertThat(fired)
                .containsExactlyInAnyOrderElementsOf(OpsFiles.alertRules().stream()
                        .map(rule -> String.valueOf(rule.get("alert")))
                        .toList());
    }

    /**
     * The full PromQL and config check, and the alerts' unit tests, where Debian's {@code prometheus} package
     * (promtool) is installed; skipped, with the reason, elsewhere.
     */
    @Test
    void promtoolAcceptsTheConfigAndTheRulesFireAsTested() throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed (apt-get install prometheus)");
        assertThat(promtool(promtool, "check", "config", OpsFiles.file(OpsFiles.PROMETHEUS)))
                .contains("SUCCESS: 5 rules found");
        assertThat(promtool(promtool, "test", "rules", OpsFiles.file(OpsFiles.ALERT_TESTS)))
                .contains("SUCCESS");
    }

    private static String promtool(Path promtool, String command, String subcommand, Path file)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(promtool.toString(), command, subcommand, file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("promtool %s %s: %s", command, subcommand, output)
                .isZero();
        return output;
    }

    private static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthTest(Map<String, Object> service) {
        Object test = ((Map<String, Object>) service.get("healthcheck")).get("test");
        return test instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(test));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> containerPorts(Map<String, Object> service) {
        Set<String> ports = new TreeSet<>();
        for (Object exposed : (List<Object>) service.getOrDefault("expose", List.of())) {
            ports.add(String.valueOf(exposed));
        }
        for (Object published : (List<Object>) service.getOrDefault("ports", List.of())) {
            String mapping = String.valueOf(published);
            ports.add(mapping.substring(mapping.lastIndexOf(':') + 1));
        }
        return ports;
    }

    /** The modules of the root pom. */
    private static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(OpsFiles.read("pom.xml"));
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The modules whose pom turns image building on. */
    private static Set<String> imageModules() {
        Set<String> modules = new TreeSet<>();
        for (String module : modules()) {
            if ("false".equals(pomProperty(module, "jib.skip"))) {
                modules.add(module);
            }
        }
        return modules;
    }

    private static String pomProperty(String module, String name) {
        Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
                .matcher(OpsFiles.read(module + "/pom.xml"));
        return property.find() ? property.group(1) : null;
    }

    private static String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>tango-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(OpsFiles.read("pom.xml"));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    /** {@code server.port} of a module's application.yml. */
    @SuppressWarnings("unchecked")
    private static String serverPort(String module) {
        Map<String, Object> application = OpsFiles.yaml(module + "/src/main/resources/application.yml");
        Map<String, Object> server = (Map<String, Object>) application.get("server");
        assertThat(server).as("%s sets server.port", module).isNotNull();
        return String.valueOf(server.get("port"));
    }
}
