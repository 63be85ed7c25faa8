package org.tipline.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production set of {@code deploy/kubernetes}, rendered offline: every document valid for its kind's vendored
 * schema, and the rules an operator relies on (several gateway instances, probes, limits, non-root and read-only,
 * pinned images, secrets only by reference, network policies, a topic with three replicas for every topic the gateway
 * uses, a Kafka user per client with only its own topics, a replicated ledger with separate roles and backups).
 */
class DeploymentManifestsTest {

    /** The gateway's {@code tipline.delivery.max-message-bytes}: every intake topic must take records that large. */
    private static final long MAX_MESSAGE_BYTES = 8_388_608;
    private static final String NAMESPACE = "tipline";

    private static List<JsonNode> set;
    private static final Schemas SCHEMAS = new Schemas();

    @BeforeAll
    static void render() {
        Optional<List<JsonNode>> rendered = RenderedSet.withKubectl();
        set = rendered.orElseGet(RenderedSet::withoutKubectl);
    }

    @Test
    void kubectlAndTheOfflineRenderingAgree() {
        Optional<List<JsonNode>> kubectl = RenderedSet.withKubectl();
        // Without kubectl the offline rendering is the set under test, and there is nothing to compare it with.
        kubectl.ifPresent(documents -> assertThat(new HashSet<>(RenderedSet.withoutKubectl()))
                .isEqualTo(new HashSet<>(documents)));
    }

    @Test
    void everyDocumentIsValidForItsKind() {
        assertThat(set).hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (JsonNode document : set) {
            Set<ValidationMessage> messages = SCHEMAS.of(document).validate(document);
            messages.forEach(m -> problems.add(name(document) + ": " + m.getMessage()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatTheyShould() {
        // A misspelt field, a wrong type and a missing required field, in one kind from each source.
        ObjectNode deployment = one("Deployment", "tipline-gateway").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicsa", 2);
        ObjectNode service = one("Service", "tipline-gateway").deepCopy();
        ((ObjectNode) service.path("spec").path("ports").get(0)).put("port", "eighty");
        ObjectNode topic = one("KafkaTopic", "tipline-intake-ncmec").deepCopy();
        ((ObjectNode) topic.path("spec")).put("replica", 3);
        ObjectNode user = one("KafkaUser", "tipline-gateway").deepCopy();
        ((ObjectNode) user.path("spec").path("authentication")).remove("type");
        ObjectNode cluster = one("Cluster", "tipline-ledger").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instancess", 3);
        for (JsonNode broken : List.of(deployment, service, topic, user, cluster)) {
            assertThat(SCHEMAS.of(broken).validate(broken)).as(name(broken)).isNotEmpty();
        }
    }

    @Test
    void everythingIsInTheNamespace() {
        assertThat(set).filteredOn(d -> !"Namespace".equals(d.path("kind").asText()))
                .allSatisfy(d -> assertThat(d.path("metadata").path("namespace").asText()).as(name(d))
                        .isEqualTo(NAMESPACE));
        assertThat(one("Namespace", NAMESPACE).path("metadata").path("labels")
                .path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
    }

    @Test
    void theGatewayRunsSeveralInstancesAsAProductionWorkloadShould() {
        JsonNode gateway = one("Deployment", "tipline-gateway");
        JsonNode autoscaler = one("HorizontalPodAutoscaler", "tipline-gateway");
        assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("tipline-gateway");
        assertThat(Math.max(gateway.path("spec").path("replicas").asInt(),
                autoscaler.path("spec").path("minReplicas").asInt())).isGreaterThanOrEqualTo(2);
        JsonNode container = RenderedSet.containers(gateway).get(0);
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/ready");
        JsonNode pdb = one("PodDisruptionBudget", "tipline-gateway");
        assertThat(pdb.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(gateway.path("spec").path("selector").path("matchLabels"));
        assertThat(one("Service", "tipline-gateway").path("spec").path("selector"))
                .isEqualTo(gateway.path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void everyWorkloadIsHardenedLimitedPinnedAndConfiguredFromAConfigMap() {
        List<JsonNode> workloads = all("Deployment");
        assertThat(workloads).extracting(RenderedSet::containers).isNotEmpty();
        assertThat(names(workloads)).contains("tipline-gateway", "tipline-ncmec-connector");
        for (JsonNode workload : workloads) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name(workload)).isTrue();
            for (JsonNode container : RenderedSet.containers(workload)) {
                String where = name(workload) + "/" + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(where).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                        && !security.path("allowPrivilegeEscalation").asBoolean()).as(where).isTrue();
                JsonNode resources = container.path("resources");
                assertThat(resources.path("requests").has("cpu") && resources.path("requests").has("memory"))
                        .as(where + " requests").isTrue();
                assertThat(resources.path("limits").has("memory")).as(where + " limits").isTrue();
                String image = container.path("image").asText();
                assertThat(image).as(where + " image pinned by tag or digest")
                        .matches(".+(@sha256:[0-9a-f]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]*)")
                        .doesNotEndWith(":latest");
                assertThat(container.path("envFrom").findValues("configMapRef")).as(where).isNotEmpty();
                for (JsonNode variable : container.path("env")) {
                    if (looksSecret(variable.path("name").asText())) {
                        assertThat(variable.has("value")).as(where + " " + variable.path("name").asText()
                                + " must come from a Secret").isFalse();
                        assertThat(variable.path("valueFrom").has("secretKeyRef")).as(where).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void noSecretValueIsInTheRepository() {
        assertThat(all("Secret")).as("Secrets are created by the operator, never committed").isEmpty();
        for (JsonNode configMap : all("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertThat(looksSecret(key))
                    .as(name(configMap) + " " + key).isFalse());
        }
    }

    @Test
    void theGatewayIsReachableOnlyThroughItsApiAndReachesOnlyPostgresAndKafka() {
        JsonNode policy = one("NetworkPolicy", "tipline-gateway");
        assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                .asText()).isEqualTo("tipline-gateway");
        assertThat(texts(policy.path("spec").path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(ports(policy.path("spec").path("ingress"))).containsExactlyInAnyOrder(8080, 9000);
        assertThat(ports(policy.path("spec").path("egress"))).containsExactlyInAnyOrder(5432, 9093, 53);
        JsonNode apiRule = stream(policy.path("spec").path("ingress"))
                .filter(rule -> ports(List.of(rule)).contains(8080)).findFirst().orElseThrow();
        assertThat(apiRule.path("from").toString()).doesNotContain("ipBlock");
        assertThat(policy.path("spec").path("egress").toString()).doesNotContain("ipBlock");
    }

    @Test
    void kafkaRunsInKraftModeWithAuthenticationAndAuthorization() {
        JsonNode kafka = one("Kafka", "tipline-kafka");
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("spec").path("kafka").path("listeners")).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isNotEmpty();
        });
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true))
                .isFalse();
        Set<String> roles = all("KafkaNodePool").stream()
                .filter(pool -> "tipline-kafka".equals(pool.path("metadata").path("labels")
                        .path("strimzi.io/cluster").asText()))
                .flatMap(pool -> texts(pool.path("spec").path("roles")).stream()).collect(Collectors.toSet());
        assertThat(roles).contains("controller", "broker");
        int brokers = all("KafkaNodePool").stream().filter(p -> texts(p.path("spec").path("roles")).contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyTopicTheGatewayUsesIsDeclaredReplicatedAndSized() throws Exception {
        Set<String> needed = gatewayTopics();
        List<JsonNode> topics = all("KafkaTopic");
        Set<String> declared = topics.stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
        assertThat(declared).containsAll(needed);
        for (JsonNode topic : topics) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText();
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name)
                    .isEqualTo("tipline-kafka");
            assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            assertThat(spec.path("config").has("retention.ms")).as(name + " retention set on purpose").isTrue();
            if (name.startsWith("tipline.intake.") && !name.equals("tipline.intake.acks")) {
                assertThat(spec.path("config").path("max.message.bytes").asLong()).as(name)
                        .isGreaterThanOrEqualTo(MAX_MESSAGE_BYTES);
            }
        }
    }

    @Test
    void everyClientHasAKafkaUserWithOnlyItsOwnTopics() throws Exception {
        Set<String> lanes = gatewayTopics().stream().filter(t -> t.startsWith("tipline.intake.")
                && !t.equals("tipline.intake.acks")).collect(Collectors.toSet());
        JsonNode gateway = one("KafkaUser", "tipline-gateway");
        assertThat(topicsWith(gateway, "Write")).containsExactlyInAnyOrderElementsOf(union(lanes,
                Set.of("tipline.audit")));
        assertThat(topicsWith(gateway, "Read")).containsExactly("tipline.intake.acks");

        Set<String> destinations = lanes.stream().map(t -> t.split("\\.")[2]).collect(Collectors.toSet());
        for (String destination : destinations) {
            JsonNode receiver = destination.equals("ncmec")
                    ? one("KafkaUser", "tipline-ncmec-connector")
                    : one("KafkaUser", "tipline-receiver-" + destination);
            assertThat(receiver.path("spec").path("authentication").path("type").asText()).isNotEmpty();
            assertThat(topicsWith(receiver, "Read")).as(destination).containsExactlyInAnyOrder(
                    "tipline.intake." + destination, "tipline.intake." + destination + ".urgent");
            assertThat(topicsWith(receiver, "Write")).as(destination).containsExactly("tipline.intake.acks");
        }
        for (JsonNode user : all("KafkaUser")) {
            assertThat(stream(user.path("spec").path("authorization").path("acls"))
                    .filter(acl -> "topic".equals(acl.path("resource").path("type").asText())))
                    .as(name(user) + ": topics named one by one, no prefix or wildcard")
                    .allSatisfy(acl -> assertThat(acl.path("resource").path("patternType").asText("literal"))
                            .isEqualTo("literal"));
            assertThat(user.path("spec").path("authorization").toString()).doesNotContain("\"*\"");
        }
    }

    @Test
    void theLedgerIsReplicatedBackedUpAndKeepsTheSchemaOwnerApartFromTheApplication() {
        JsonNode cluster = one("Cluster", "tipline-ledger");
        assertThat(cluster.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        String owner = cluster.path("spec").path("bootstrap").path("initdb").path("owner").asText();
        JsonNode config = one("ConfigMap", "tipline-gateway").path("data");
        String application = config.path("QUARKUS_DATASOURCE_USERNAME").asText();
        assertThat(config.path("QUARKUS_FLYWAY_USERNAME").asText()).isEqualTo(owner);
        assertThat(application).isNotEqualTo(owner);
        assertThat(texts(cluster.path("spec").path("managed").path("roles").findValues("name"))).contains(application);
        assertThat(cluster.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText())
                .isNotEmpty();
        assertThat(all("ScheduledBackup")).anySatisfy(backup -> assertThat(backup.path("spec").path("cluster")
                .path("name").asText()).isEqualTo("tipline-ledger"));
    }

    // --- helpers

    /** Destinations of the gateway's shipped routing file, two lanes each, plus acks and the audit feed. */
    private static Set<String> gatewayTopics() throws Exception {
        JsonNode routing = RenderedSet.YAML.readTree(Files.readString(RenderedSet.root()
                .resolve("gateway/src/main/resources/routing/default-routing.yaml")));
        Set<String> topics = new HashSet<>(Set.of("tipline.intake.acks", "tipline.audit"));
        for (JsonNode destination : routing.path("destinations")) {
            if (destination.path("enabled").asBoolean(true)) {
                String id = destination.path("id").asText();
                topics.add("tipline.intake." + id);
                topics.add("tipline.intake." + id + ".urgent");
            }
        }
        assertThat(topics).hasSizeGreaterThanOrEqualTo(4);
        return topics;
    }

    private static Set<String> topicsWith(JsonNode user, String operation) {
        return stream(user.path("spec").path("authorization").path("acls"))
                .filter(acl -> "topic".equals(acl.path("resource").path("type").asText()))
                .filter(acl -> texts(acl.path("operations")).contains(operation))
                .map(acl -> acl.path("resource").path("name").asText()).collect(Collectors.toSet());
    }

    private static boolean looksSecret(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("PASSWORD") || upper.contains("SECRET") || upper.contains("JAAS")
                || upper.endsWith("_KEY") || upper.contains("TOKEN") || upper.contains("CREDENTIAL");
    }

    private static Set<Integer> ports(Iterable<JsonNode> rules) {
        Set<Integer> ports = new HashSet<>();
        rules.forEach(rule -> rule.path("ports").forEach(port -> ports.add(port.path("port").asInt())));
        return ports;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<JsonNode> all(String kind) {
        return set.stream().filter(kindIs(kind)).toList();
    }

    private static JsonNode one(String kind, String name) {
        List<JsonNode> found = set.stream().filter(kindIs(kind))
                .filter(d -> name.equals(d.path("metadata").path("name").asText())).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    private static Predicate<JsonNode> kindIs(String kind) {
        return document -> kind.equals(document.path("kind").asText());
    }

    private static List<String> names(List<JsonNode> documents) {
        return documents.stream().map(d -> d.path("metadata").path("name").asText()).toList();
    }

    private static String name(JsonNode document) {
        return document.path("kind").asText() + " " + document.path("metadata").path("name").asText();
    }
}
