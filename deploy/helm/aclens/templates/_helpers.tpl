{{- define "aclens.labels" -}}
app.kubernetes.io/part-of: aclens
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The settings every service reads: broker, database (CloudNativePG's app secret), tokens. */}}
{{- define "aclens.commonEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ .root.Values.kafka.bootstrapServers | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: "jdbc:postgresql://{{ .root.Values.database.cluster }}-rw:5432/{{ .root.Values.database.name }}"
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: "postgresql://{{ .root.Values.database.cluster }}-rw:5432/{{ .root.Values.database.name }}"
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom: {secretKeyRef: {name: "{{ .root.Values.database.cluster }}-app", key: username}}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom: {secretKeyRef: {name: "{{ .root.Values.database.cluster }}-app", key: password}}
- name: MP_JWT_VERIFY_PUBLICKEY_LOCATION
  value: /run/secrets/aclens/jwt-public.pem
- name: ACLENS_AUTH_REVOKED_TOKENS
  value: /run/secrets/aclens/revoked-tokens
- name: ACLENS_AUTH_SERVICE_TOKEN
  valueFrom: {secretKeyRef: {name: {{ .root.Values.secrets.auth | quote }}, key: service-token}}
- name: JAVA_OPTS_APPEND
  value: "-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx{{ .service.heap }}"
{{- if eq .root.Values.kafka.authentication "scram-sha-512" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: KAFKA_SASL_MECHANISM
  value: SCRAM-SHA-512
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom: {secretKeyRef: {name: {{ .name | quote }}, key: sasl.jaas.config}}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /run/secrets/kafka-ca/ca.crt
{{- end }}
{{- if .root.Values.tracing.otlpEndpoint }}
- name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .root.Values.tracing.otlpEndpoint | quote }}
- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
  value: {{ .root.Values.tracing.sampleRatio | quote }}
{{- else }}
- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
  value: "0"
{{- end }}
{{- end }}
