#!/bin/sh
# Runs once, after the InfluxDB 2.x image's first setup: maps the InfluxQL database/retention
# policy cems/autogen to the bucket, so Grafana's InfluxQL dashboards read the bucket.
set -eu
influx v1 dbrp create \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${DOCKER_INFLUXDB_INIT_BUCKET}" \
  --rp autogen \
  --default
