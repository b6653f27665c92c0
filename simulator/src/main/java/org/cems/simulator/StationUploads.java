package org.cems.simulator;

import java.util.List;
import java.util.Map;
import org.cems.core.reading.FacilityStatus;

/**
 * station-uploads: from the first full hour at or after START, the targeted point's station sends
 * the uploads HJ 212-2017 defines besides data (Table 9; items as in Table 4), for its
 * {@link Facilities}:
 * <ul>
 * <li>at the start: CN 2081 with RestartTime 2 minutes before (the logger was just switched on),
 *     CN 3020 site information with PolId (SO2 where measured) and {@code i12001-Info=0} (analyser
 *     working status: running, Appendix B), and CN 2041 for the previous day;</li>
 * <li>every full hour: CN 2021 with {@code SBn-RS=1} (running) for each facility;</li>
 * <li>every local midnight: CN 2041 with {@code SBn-RT=24} (hours run) for the day that ended,
 *     DataTime its start.</li>
 * </ul>
 */
final class StationUploads implements Scenario {
    static final long RESTARTED_BEFORE_MILLIS = 2 * Placement.MINUTE_MILLIS;
    static final String WORKING_STATUS = "i12001";
    static final String WORKING_STATUS_RUNNING = "0";
    static final String HOURS_IN_DAY = "24";

    private final Placement at;
    private final long startMillis;
    private final Map<String, String> facilities;

    StationUploads(Placement at) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS);
        this.facilities = Facilities.of(at.point().source(), at.enterprise());
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        long hour = at.floorOnGrid(tickMillis, Placement.HOUR_MILLIS);
        if (!at.targets(point) || !at.sendsAt(hour, tickMillis) || hour < startMillis) {
            return uploads;
        }
        String mn = point.mn();
        if (hour == startMillis) {
            Upload restart = Upload.station(mn, Upload.CN_RESTART_TIME, hour);
            restart.restartTimeMillis = hour - RESTARTED_BEFORE_MILLIS;
            uploads.add(restart);
            Upload site = Upload.station(mn, Upload.CN_SITE_INFO, hour)
                    .textItem(WORKING_STATUS, "Info", WORKING_STATUS_RUNNING);
            site.polId = at.mainPollutant();
            uploads.add(site);
            uploads.add(runTime(at.floorOnGrid(hour, Placement.DAY_MILLIS) - Placement.DAY_MILLIS));
        } else if (at.floorOnGrid(hour, Placement.DAY_MILLIS) == hour) {
            uploads.add(runTime(hour - Placement.DAY_MILLIS));
        }
        Upload status = Upload.station(mn, Upload.CN_FACILITY_STATUS, hour);
        facilities.keySet().forEach(sb -> status.textItem(sb, "RS", String.valueOf(FacilityStatus.RUNNING)));
        uploads.add(status);
        return uploads;
    }

    private Upload runTime(long dayStartMillis) {
        Upload u = Upload.station(at.point().mn(), Upload.CN_FACILITY_RUN_TIME, dayStartMillis);
        facilities.keySet().forEach(sb -> u.textItem(sb, "RT", HOURS_IN_DAY));
        return u;
    }
}
