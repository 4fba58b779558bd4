package io.github.vpsdk.vp.testkit.internal.property;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import io.github.vpsdk.vp.testkit.property.Property;
import io.github.vpsdk.vp.testkit.property.PropertyRandom;
import io.github.vpsdk.vp.testkit.property.Seed;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link Property} method once per try, each with its own {@link PropertyRandom}, and
 * rewrites a failure so that it names the seed to replay.
 */
public final class PropertyExtension implements TestTemplateInvocationContextProvider {

  /** System property or configuration parameter overriding the base seed. */
  public static final String SEED_KEY = "vp.seed";
  /** System property or configuration parameter overriding the number of tries. */
  public static final String TRIES_KEY = "vp.tries";

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> findAnnotation(m, Property.class)).isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Property property =
        findAnnotation(method, Property.class)
            .orElseThrow(() -> new ExtensionConfigurationException("no @Property on " + method));
    int tries = tries(context, property);
    long base = baseSeed(context, method, context.getRequiredTestClass());
    AtomicBoolean failed = new AtomicBoolean();
    return IntStream.range(0, tries)
        .takeWhile(i -> !failed.get())
        .mapToObj(i -> new Try(i, tries, base, PropertyRandom.trySeed(base, i), failed));
  }

  static int tries(ExtensionContext context, Property property) {
    Optional<String> override = context.getConfigurationParameter(TRIES_KEY);
    int tries = property.tries();
    if (override.isPresent() && !override.get().isBlank()) {
      try {
        tries = Integer.parseInt(override.get().trim());
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(
            TRIES_KEY + " must be a whole number, found '" + override.get() + "'", e);
      }
    }
    if (tries < 1) {
      throw new ExtensionConfigurationException("a property needs at least 1 try, found " + tries);
    }
    return tries;
  }

  static long baseSeed(ExtensionContext context, Method method, Class<?> testClass) {
    Optional<String> override = context.getConfigurationParameter(SEED_KEY);
    if (override.isPresent() && !override.get().isBlank()) {
      String value = override.get().trim();
      if (value.equalsIgnoreCase("random")) {
        return new SecureRandom().nextLong();
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(
            SEED_KEY + " must be a number or 'random', found '" + value + "'", e);
      }
    }
    Seed seed = method.getAnnotation(Seed.class);
    if (seed == null) {
      seed = testClass.getAnnotation(Seed.class);
    }
    if (seed != null) {
      return seed.value();
    }
    return stableSeed(testClass.getName() + "#" + method.getName());
  }

  /** FNV-1a over the UTF-8 bytes, then mixed: stable across JVMs and runs. */
  static long stableSeed(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return PropertyRandom.trySeed(h, 1);
  }

  /** The replay hint put in front of a failure's message. */
  static String replayHint(int index, int tries, long base, long seed, String test) {
    return "property failed on try "
        + (index + 1)
        + " of "
        + tries
        + " with seed "
        + seed
        + " (base seed "
        + base
        + "); replay with -D"
        + SEED_KEY
        + "="
        + seed
        + " -D"
        + TRIES_KEY
        + "=1 (with Maven: -Dtest="
        + test
        + ")";
  }

  /** One try: its display name, its random source, and the failure rewriting. */
  private static final class Try
      implements TestTemplateInvocationContext, ParameterResolver, TestExecutionExceptionHandler {
    private final int index;
    private final int tries;
    private final long base;
    private final long seed;
    private final AtomicBoolean failed;
    private final PropertyRandom random;

    Try(int index, int tries, long base, long seed, AtomicBoolean failed) {
      this.index = index;
      this.tries = tries;
      this.base = base;
      this.seed = seed;
      this.failed = failed;
      this.random = PropertyRandom.of(seed);
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "try " + invocationIndex + " of " + tries + " [seed " + seed + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
      return parameter.getParameter().getType() == PropertyRandom.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
      return random;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
        throws Throwable {
      if (throwable instanceof TestAbortedException) {
        throw throwable;
      }
      failed.set(true);
      Class<?> testClass = context.getRequiredTestClass();
      String pkg = testClass.getPackageName();
      String test =
          testClass.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1)
              + "#"
              + context.getRequiredTestMethod().getName();
      String hint = replayHint(index, tries, base, seed, test);
      String original = throwable.getMessage();
      String message =
          hint
              + "\n"
              + (original == null ? throwable.getClass().getName() : original.replaceFirst("^\\R+", ""));
      AssertionError rewritten;
      if (throwable instanceof AssertionFailedError) {
        AssertionFailedError afe = (AssertionFailedError) throwable;
        rewritten =
            afe.isExpectedDefined() || afe.isActualDefined()
                ? new AssertionFailedError(
                    message,
                    afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                    afe.isActualDefined() ? afe.getActual().getValue() : null,
                    throwable)
                : new AssertionFailedError(message, throwable);
      } else {
        rewritten = new AssertionFailedError(message, throwable);
      }
      rewritten.setStackTrace(throwable.getStackTrace());
      throw rewritten;
    }
  }
}
