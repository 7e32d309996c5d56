package io.meridian.console.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * A third-party component shipped inside Meridian and the licence it comes under, listed in the About box so that
 * whoever installs the package can see what it contains and on which terms.
 *
 * @param version the version bundled, or an empty string for data without one
 */
public record BundledComponent(String name, String version, String licence, String source) {
    /** Everything the console's package bundles, with the versions the build pinned. */
    public static List<BundledComponent> shipped() {
        var v = versions();
        return List.of(
                new BundledComponent("OpenJFX (JavaFX)", v.getProperty("javafx"),
                        "GPL-2.0 with the Classpath Exception", "https://openjfx.io"),
                new BundledComponent("gRPC Java", v.getProperty("grpc"), "Apache-2.0", "https://grpc.io"),
                new BundledComponent("Netty (shaded in grpc-netty-shaded)", "", "Apache-2.0", "https://netty.io"),
                new BundledComponent("Protocol Buffers (protobuf-java)", v.getProperty("protobuf"),
                        "BSD-3-Clause", "https://protobuf.dev"),
                new BundledComponent("Guava, Gson, Perfmark, Google common protos, Error Prone, J2ObjC and "
                        + "JSpecify annotations (via gRPC)", "", "Apache-2.0", "https://github.com/google/guava"),
                new BundledComponent("JSR-305 annotations (via gRPC)", "3.0.2", "BSD-3-Clause",
                        "https://github.com/findbugsproject/findbugs"),
                new BundledComponent("Animal Sniffer annotations (via gRPC)", "", "MIT",
                        "https://www.mojohaus.org/animal-sniffer"),
                new BundledComponent("Jackson", v.getProperty("jackson"), "Apache-2.0",
                        "https://github.com/FasterXML/jackson"),
                new BundledComponent("AtlantaFX", v.getProperty("atlantafx"), "MIT",
                        "https://github.com/mkpaz/atlantafx"),
                new BundledComponent("ControlsFX", v.getProperty("controlsfx"), "BSD-3-Clause",
                        "https://github.com/controlsfx/controlsfx"),
                new BundledComponent("TilesFX, with hansolo's toolbox, toolboxfx, countries and heatmap",
                        v.getProperty("tilesfx"), "Apache-2.0", "https://github.com/HanSolo/tilesfx"),
                new BundledComponent("chart-fx (charts, dataset, math, bench)", v.getProperty("chartfx"),
                        "LGPL-3.0", "https://github.com/fair-acc/chart-fx"),
                new BundledComponent("JTransforms and JLargeArrays (via chart-fx)", "", "BSD-2-Clause",
                        "https://github.com/wendykierp/JTransforms"),
                new BundledComponent("HdrHistogram (via chart-fx)", "2.1.12", "CC0-1.0 or BSD-2-Clause",
                        "https://github.com/HdrHistogram/HdrHistogram"),
                new BundledComponent("PNGJ (via TilesFX)", "2.1.0", "Apache-2.0", "https://github.com/leonbloy/pngj"),
                new BundledComponent("Ikonli", v.getProperty("ikonli"), "Apache-2.0",
                        "https://github.com/kordamp/ikonli"),
                new BundledComponent("Bouncy Castle Crypto (bcprov)", v.getProperty("bouncycastle"),
                        "MIT (Bouncy Castle Licence)", "https://www.bouncycastle.org"),
                new BundledComponent("Apache Commons Statistics, Numbers, RNG, Math and Lang",
                        v.getProperty("commonsStatistics"), "Apache-2.0", "https://commons.apache.org"),
                new BundledComponent("SLF4J API (via chart-fx)", "2.0.9", "MIT", "https://www.slf4j.org"),
                new BundledComponent("JetBrains annotations", "24.0.1", "Apache-2.0",
                        "https://github.com/JetBrains/java-annotations"),
                new BundledComponent("Eclipse Temurin runtime (trimmed with jlink)", Runtime.version().toString(),
                        "GPL-2.0 with the Classpath Exception", "https://adoptium.net"),
                new BundledComponent("Natural Earth land outlines", "", "public domain",
                        "https://www.naturalearthdata.com"),
                new BundledComponent("world-atlas (TopoJSON of Natural Earth)", "2.0.2", "ISC",
                        "https://github.com/topojson/world-atlas"));
    }

    private static Properties versions() {
        try (InputStream in = BundledComponent.class.getResourceAsStream("versions.properties")) {
            var properties = new Properties();
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from io/meridian/console/about; "
                        + "the console was not built by Maven");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
