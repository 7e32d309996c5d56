package io.meridian.console.failover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a window's scene as a PNG, for looking at what a test drove (the failover and drill tests). */
public final class FailoverScreenshots {
    private FailoverScreenshots() {
    }

    public static void write(Window window, String file) throws Exception {
        var path = Path.of(file);
        Files.createDirectories(path.getParent());
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", path.toFile());
    }
}
