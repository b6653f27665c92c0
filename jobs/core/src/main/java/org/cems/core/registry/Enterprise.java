package org.cems.core.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An enterprise with its monitoring points and control devices. */
public class Enterprise implements Serializable {
    private static final long serialVersionUID = 1L;
    public String id;
    public String name;
    public String park;
    public String industry;
    /** Baseline-year emissions in tonnes by pollutant code. */
    public Map<String, Double> baselineT = new LinkedHashMap<>();
    /** The site's ambient pressure, kPa, or its altitude, m: the default of its sources (see {@link Source#ambientPressureKpa}). */
    public Double ambientPressureKpa;
    public Double altitudeM;
    public List<Source> sources = new ArrayList<>();
    public List<Device> devices = new ArrayList<>();
}
