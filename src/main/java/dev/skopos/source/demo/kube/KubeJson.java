package dev.skopos.source.demo.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Server-assigned identifiers, derived from names so every run of the demo shows the same ones. */
final class KubeJson {

    private KubeJson() {}

    static String uid(String kind, String namespace, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String resourceVersion(String key) {
        return String.valueOf(100_000 + Math.floorMod(key.hashCode(), 900_000));
    }

    static String containerId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "containerd://" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
