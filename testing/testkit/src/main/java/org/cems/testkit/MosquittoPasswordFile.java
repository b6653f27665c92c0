package org.cems.testkit;

import java.nio.file.Path;

/** A Mosquitto password file made with {@code mosquitto_passwd}, for a {@code password_file} line. */
public final class MosquittoPasswordFile {
    private MosquittoPasswordFile() {}

    /** Writes {@code dir/passwords} with one user and returns its path. */
    public static Path create(Path dir, String user, String password) {
        DebianPackages.require("/usr/bin/mosquitto_passwd", "mosquitto");
        Path file = dir.resolve("passwords");
        TlsCertificates.run(dir, "mosquitto_passwd", "-b", "-c", file.toString(), user, password);
        return file;
    }
}
