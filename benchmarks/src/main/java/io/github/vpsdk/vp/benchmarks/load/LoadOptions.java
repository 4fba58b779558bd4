package io.github.vpsdk.vp.benchmarks.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of the load mains. */
final class LoadOptions {
  private LoadOptions() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
