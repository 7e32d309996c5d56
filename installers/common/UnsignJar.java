import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature of those of the given jars that are signed, in place: the signature files
 * (META-INF/*.SF, .RSA, .DSA, .EC) and the manifest's per-entry digests; the manifest's main section and every
 * other entry stay as they are. For the packaged image only (app-image.sh): the AOT cache cannot keep classes from
 * signed jars, and each start would otherwise read the digests of BouncyCastle's thousands of classes (a manifest
 * of 800 KB) and check them. The runtime is an OpenJDK build, whose JCE does not require providers to be signed.
 *
 *   java installers/common/UnsignJar.java JAR...
 */
public final class UnsignJar {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    private UnsignJar() {
    }

    public static void main(String[] args) throws IOException {
        for (var arg : args) {
            unsign(Path.of(arg));
        }
    }

    private static void unsign(Path jar) throws IOException {
        try (var in = new ZipFile(jar.toFile())) {
            if (in.stream().noneMatch(entry -> SIGNATURE.matcher(entry.getName()).matches())) {
                return;
            }
        }
        var unsigned = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (var in = new ZipFile(jar.toFile()); var out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (SIGNATURE.matcher(entry.getName()).matches()) {
                    continue;
                }
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    try (var manifest = in.getInputStream(entry)) {
                        var mainSection = new Manifest();
                        mainSection.getMainAttributes().putAll(new Manifest(manifest).getMainAttributes());
                        mainSection.write(out);
                    }
                } else {
                    try (var content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(unsigned, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("unsigned " + jar.getFileName());
    }
}
