#!/usr/bin/env bash
# Regenerates the schemas that DeploymentManifestsTest validates deploy/kubernetes against. Not part of the build:
# its output is committed (SOURCES.md says what each file is and where it came from). Needs npm (the npm registry)
# and a JDK 21 or newer (Strimzi's CRD generator is built for Java 21; JAVA=/path/to/java to choose one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

KUBERNETES_TYPES=1.30.0          # generated from the Kubernetes v1.30 OpenAPI description
CNPG_MODELS=2.0.0                # @kubernetes-models/cloudnative-pg, generated from CloudNativePG's CRDs
TS_JSON_SCHEMA=0.68.0            # converts those TypeScript declarations to JSON Schema
STRIMZI=1.2.0                    # io.strimzi:api and io.strimzi:crd-generator on Maven Central

# 1. Kubernetes kinds and CloudNativePG kinds: TypeScript declarations -> JSON Schema (draft-07), with every
#    declared property, the required ones required, and no other property allowed (kubectl's strict validation).
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund "kubernetes-types@$KUBERNETES_TYPES" \
    "@kubernetes-models/cloudnative-pg@$CNPG_MODELS" "typescript-json-schema@$TS_JSON_SCHEMA" typescript@5 >/dev/null
cat > tsconfig.json <<'JSON'
{"compilerOptions": {"module": "nodenext", "moduleResolution": "nodenext", "skipLibCheck": true, "strict": false}}
JSON
cat > kinds.ts <<'TS'
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Service, ConfigMap, ServiceAccount, Namespace, PersistentVolumeClaim } from "kubernetes-types/core/v1";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1";
import type { NetworkPolicy } from "kubernetes-types/networking/v1";
import type { HorizontalPodAutoscaler } from "kubernetes-types/autoscaling/v2";
import type { ICluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";
import type { IScheduledBackup } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup";
import type { IDatabase } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Database";
export type K8sDeployment = Deployment;
export type K8sService = Service;
export type K8sConfigMap = ConfigMap;
export type K8sServiceAccount = ServiceAccount;
export type K8sNamespace = Namespace;
export type K8sPersistentVolumeClaim = PersistentVolumeClaim;
export type K8sPodDisruptionBudget = PodDisruptionBudget;
export type K8sNetworkPolicy = NetworkPolicy;
export type K8sHorizontalPodAutoscaler = HorizontalPodAutoscaler;
export type CnpgCluster = ICluster;
export type CnpgScheduledBackup = IScheduledBackup;
export type CnpgDatabase = IDatabase;
TS
generate() { # type, output
    npx typescript-json-schema tsconfig.json "$1" --include kinds.ts --required --noExtraProps --uniqueNames \
        --ignoreErrors --out raw.json
    # Definition names carry this machine's paths and hashes of them: name them by package path instead.
    node "$here/tidy-definitions.js" raw.json "$2"
}
mkdir -p "$here/kubernetes" "$here/cloudnative-pg" "$here/strimzi"
for kind in Deployment Service ConfigMap ServiceAccount Namespace PersistentVolumeClaim PodDisruptionBudget NetworkPolicy \
        HorizontalPodAutoscaler; do
    generate "K8s$kind" "$here/kubernetes/$kind.json"
done
generate CnpgCluster "$here/cloudnative-pg/Cluster.json"
generate CnpgScheduledBackup "$here/cloudnative-pg/ScheduledBackup.json"
generate CnpgDatabase "$here/cloudnative-pg/Database.json"

# 2. Strimzi: the CRDs exactly as Strimzi generates its install files (api/pom.xml of Strimzi 1.2.0), from the
#    published model classes, by its own generator.
cat > pom.xml <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>strimzi-crds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$STRIMZI</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$STRIMZI</version></dependency>
  </dependencies>
</project>
XML
"$here/../../mvnw" -q -B -ntp -f pom.xml dependency:copy-dependencies -DoutputDirectory=lib
"$java" -cp "lib/*" io.strimzi.crdgenerator.CrdGenerator --label app:strimzi --label strimzi.io/crd-install:true \
    --target-kube 1.16+ --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
    io.strimzi.api.kafka.model.kafka.Kafka="$here/strimzi/040-Crd-kafka.yaml" \
    io.strimzi.api.kafka.model.topic.KafkaTopic="$here/strimzi/043-Crd-kafkatopic.yaml" \
    io.strimzi.api.kafka.model.user.KafkaUser="$here/strimzi/044-Crd-kafkauser.yaml" \
    io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$here/strimzi/045-Crd-kafkanodepool.yaml"
echo "Schemas written under $here"
