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
Headless Service the members resolve to find each other (hazelcast.join: kubernetes).
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

{{- define "switchboard.pbxSecretName" -}}
{{- default (include "switchboard.secretName" .) .Values.pbx.existingSecret }}
{{- end }}

{{/*
The chart creates its own Secret unless both the database and the PBX secrets come from existing ones.
*/}}
{{- define "switchboard.createSecret" -}}
{{- if or (not .Values.database.existingSecret) (not .Values.pbx.existingSecret) }}true{{ end }}
{{- end }}

{{/*
config.yaml as the server reads it: extraConfig, then the keys the chart owns on top (ports and
discovery must match the Services). Secrets are not in here: they arrive as SWITCHBOARD_* env vars.
*/}}
{{- define "switchboard.config" -}}
{{- $config := dict
  "http" (dict "port" (int .Values.http.port))
  "database" (dict "url" .Values.database.url "user" .Values.database.user)
  "hazelcast" (dict
    "cluster-name" .Values.hazelcast.clusterName
    "join" "kubernetes"
    "service-dns" (printf "%s.%s.svc.%s" (include "switchboard.hazelcastService" .) .Release.Namespace .Values.clusterDomain))
}}
{{- toYaml (mustMergeOverwrite (deepCopy .Values.extraConfig) $config) }}
{{- end }}
