package org.cems.connector.notify;

/** Notifications as the job makes them, for tests. */
final class Notifications {
    static final long FIRED_AT = 1_764_122_400_000L; // 2025-11-26T02:00:00Z, 10:00 in Ordos

    private Notifications() {}

    static Notification of(String incident, String state, String severity, String type) {
        Notification n = new Notification();
        n.id = type + ":" + incident + ":2025-11-26T02:00:00Z";
        n.state = state;
        n.severity = severity;
        n.type = type;
        n.enterprise = "power";
        n.enterpriseName = "鄂尔多斯热电厂";
        n.source = "u1-stack";
        n.title = (Notification.FIRING.equals(state) ? "【超标】" : "【超标解除】") + n.enterpriseName + " " + n.source;
        n.message = Notification.FIRING.equals(state)
                ? "【超标】鄂尔多斯热电厂 u1-stack 二氧化硫小时均值（折算）52.0 mg/m³，超过排放限值35.0 mg/m³（2025-11-26 10:00时段）"
                : "【超标解除】鄂尔多斯热电厂 u1-stack 二氧化硫已连续2小时不超过限值35.0 mg/m³（最近小时均值30.0 mg/m³，2025-11-26 12:00时段）";
        n.timeMillis = Notification.FIRING.equals(state) ? FIRED_AT : FIRED_AT + 2 * 3_600_000L;
        return n;
    }
}
