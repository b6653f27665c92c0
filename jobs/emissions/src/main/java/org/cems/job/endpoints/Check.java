package org.cems.job.endpoints;

/** One thing checked before the job starts, as {@code cems check} prints it: one line, what was found. */
public record Check(String subject, boolean ok, String detail) {

    public static Check ok(String subject, String detail) {
        return new Check(subject, true, detail);
    }

    public static Check failed(String subject, String detail) {
        return new Check(subject, false, detail);
    }

    /** {@code [ OK ] subject: detail} or {@code [FAIL] subject: detail}, plain ASCII for any terminal and log. */
    public String line() {
        return (ok ? "[ OK ] " : "[FAIL] ") + subject + ": " + detail;
    }
}
