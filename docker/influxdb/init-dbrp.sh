#!/bin/sh
# Runs once, after the InfluxDB 2.x image's first setup (with its admin token):
# - maps the InfluxQL database/retention policy cems/autogen to the bucket, so Grafana's InfluxQL
#   dashboards read the bucket and the job writes it through the 1.x /write endpoint;
# - creates the two 1.x-compatible users compose hands out: cems-writer (write only: the job) and
#   cems-reader (read only: Grafana). Neither can read or change anything else; the admin token
#   stays with administrators.
set -eu
influx v1 dbrp create \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${DOCKER_INFLUXDB_INIT_BUCKET}" \
  --rp autogen \
  --default
influx v1 auth create \
  --username cems-writer \
  --password "${CEMS_INFLUXDB_WRITER_PASSWORD}" \
  --write-bucket "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --description "cems-emissions job: write only"
influx v1 auth create \
  --username cems-reader \
  --password "${CEMS_INFLUXDB_READER_PASSWORD}" \
  --read-bucket "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --description "Grafana: read only"
