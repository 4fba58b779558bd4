package io.github.vpsdk.vp.onvif;

import java.util.Objects;

/**
 * A camera account. {@link #toString()} never shows the password, and vp never logs it.
 *
 * @param username the ONVIF user name
 * @param password the password
 */
public record Credentials(String username, String password) {

  /**
   * Checks the components.
   *
   * @param username the ONVIF user name
   * @param password the password
   */
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Creates credentials.
   *
   * @param username the ONVIF user name
   * @param password the password
   * @return the credentials
   */
  public static Credentials of(String username, String password) {
    return new Credentials(username, password);
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
