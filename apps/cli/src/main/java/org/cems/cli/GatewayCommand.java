package org.cems.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.SourceRef;
import org.cems.gateway.GatewayMain;
import org.cems.gateway.RegisteredStations;

/**
 * {@code bin/cems gateway} and the gateway image's entry point: reads {@code --registry FILE} with
 * the job's registry loader (so {@code password}, {@code password_env} and {@code password_file}
 * mean what they mean to the job) and hands the gateway plain values. The gateway image puts this
 * class on the gateway's own classpath: it uses nothing but the gateway and the job's core.
 */
public final class GatewayCommand {
    private GatewayCommand() {}

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args));
    }

    static int run(String[] args) throws InterruptedException {
        return GatewayMain.run(args, GatewayCommand::stations);
    }

    /**
     * Every MN of the registry, and the password of those that have one.
     *
     * @throws org.cems.core.registry.RegistryException listing the registry's problems
     * @throws IllegalArgumentException naming the variable or file a password cannot be read from
     */
    public static RegisteredStations stations(Path registryFile) {
        Registry registry = RegistryLoader.load(registryFile);
        Set<String> mns = new HashSet<>();
        Map<String, String> passwordByMn = new HashMap<>();
        for (SourceRef ref : registry.allSources()) {
            mns.add(ref.source().mn);
            ref.source().hj212Password().ifPresent(pw -> passwordByMn.put(ref.source().mn, pw));
        }
        return new RegisteredStations(mns, passwordByMn);
    }
}
