package org.cems.cli.ledger;

/** A control device as tagged on {@code efficiency} points. */
record DeviceKey(String enterprise, String device, String deviceType, String pollutant, String outlet) {}
