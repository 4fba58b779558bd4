package io.github.vpsdk.vp.testkit.internal.property;

/** Lets the property package's tests check the stable seed derivation. */
public final class PropertyExtensionAccess {
  private PropertyExtensionAccess() {}

  /**
   * The stable base seed of a name.
   *
   * @param name class name, {@code #}, method name
   * @return the seed
   */
  public static long stableSeed(String name) {
    return PropertyExtension.stableSeed(name);
  }
}
