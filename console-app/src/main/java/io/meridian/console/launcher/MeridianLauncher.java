package io.meridian.console.launcher;

import io.meridian.console.Main;
import io.meridian.sim.BackendMain;
import java.util.Arrays;

/**
 * The one {@code meridian} command, the same in the installed package (the jpackage launcher's main class) and in a
 * source checkout ({@code ./meridian}), so both accept the same words. {@code meridian backend ...} runs the
 * standalone simulated backend; every other argument list, including other subcommands such as
 * {@code verify-bundle}, reaches {@link Main} unchanged, which owns the console and its own subcommands.
 */
public final class MeridianLauncher {
    /** The first argument that selects the standalone backend. */
    public static final String BACKEND = "backend";

    private MeridianLauncher() {
    }

    public static void main(String[] args) {
        var route = route(args);
        switch (route.target()) {
            case BACKEND -> BackendMain.main(route.args());
            case CONSOLE -> Main.main(route.args());
        }
    }

    /** Which program runs, and with which arguments. */
    record Route(Target target, String[] args) {
    }

    /** The programs behind the one command. */
    enum Target { BACKEND, CONSOLE }

    static Route route(String[] args) {
        if (args.length > 0 && BACKEND.equals(args[0])) {
            return new Route(Target.BACKEND, Arrays.copyOfRange(args, 1, args.length));
        }
        return new Route(Target.CONSOLE, args);
    }
}
