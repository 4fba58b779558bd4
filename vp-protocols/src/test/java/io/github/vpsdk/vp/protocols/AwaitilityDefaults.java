package io.github.vpsdk.vp.protocols;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class of the module (ServiceLoader, with extension autodetection on in
 * {@code junit-platform.properties}): waits default to 30 s instead of Awaitility's 10 s, so that
 * a loaded CI machine (a first CXF call, a cold JIT) does not fail a test whose condition comes
 * true a little late. A wait still fails when its condition never holds; no passing test waits
 * longer.
 */
public final class AwaitilityDefaults implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
  }
}
