package org.cems.core.registry;

import java.util.Locale;

/** Types of environmental control equipment. */
public enum DeviceType {
    FGD,
    SCR,
    SNCR,
    ESP,
    BAG,
    WESP,
    VOCS;

    public static DeviceType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
