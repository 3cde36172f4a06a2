package dev.tango.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the {@code --name value} arguments the launcher passes to its own child mains. */
final class ChildArgs {

    private ChildArgs() {}

    static Map<String, String> parse(String[] args, String... required) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("missing " + name + " in " + List.of(args));
            }
        }
        return options;
    }
}
