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
Refuses values that would otherwise be silently ignored. Included by the Deployment.
*/}}
{{- define "switchboard.validate" -}}
{{- range $i, $c := .Values.pbx.connections }}
{{- if and $.Values.pbx.existingSecret $c.secret }}
{{- fail (printf "pbx.connections[%d].secret is set but so is pbx.existingSecret: put the secret in Secret %s (key %s) and drop it from the values" $i $.Values.pbx.existingSecret (default $c.name $c.secretKey)) }}
{{- end }}
{{- if and (not $.Values.pbx.existingSecret) $c.secretKey }}
{{- fail (printf "pbx.connections[%d].secretKey only applies with pbx.existingSecret; set pbx.existingSecret or use pbx.connections[%d].secret" $i $i) }}
{{- end }}
{{- end }}
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
{{- if or (and .Values.database.url (not .Values.database.existingSecret)) (include "switchboard.pbxInlineSecrets" .) }}true{{ end }}
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
Secrets are not in here: they arrive as SWITCHBOARD_* env vars. No database.url = embedded MariaDB.
*/}}
{{- define "switchboard.config" -}}
{{- $database := dict }}
{{- with .Values.database.url }}{{ $_ := set $database "url" . }}{{ end }}
{{- if and .Values.database.url .Values.database.user }}{{ $_ := set $database "user" .Values.database.user }}{{ end }}
{{- $config := dict
  "http" (dict "port" (int .Values.http.port))
  "hazelcast" (dict
    "cluster-name" .Values.hazelcast.clusterName
    "member-port" (int .Values.hazelcast.port)
    "join" (dict
      "method" "kubernetes"
      "service-dns" (printf "%s.%s.svc.%s" (include "switchboard.hazelcastService" .) .Release.Namespace .Values.clusterDomain)))
}}
{{- if $database }}{{ $_ := set $config "database" $database }}{{ end }}
{{- if .Values.pbx.connections }}{{ $_ := set $config "pbx" (include "switchboard.pbxConfig" . | fromYamlArray) }}{{ end }}
{{- toYaml (mustMergeOverwrite (deepCopy .Values.extraConfig) $config) }}
{{- end }}
