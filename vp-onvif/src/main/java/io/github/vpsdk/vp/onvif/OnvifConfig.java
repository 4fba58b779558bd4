package io.github.vpsdk.vp.onvif;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link OnvifClient}. Build one with {@link #create(Consumer)} or take {@link
 * #defaults()}.
 *
 * @param connectTimeout TCP connect timeout of every request
 * @param requestTimeout time allowed for one operation, from sending to the decoded answer;
 *     futures fail with {@link OnvifException.Kind#TIMEOUT} after it
 * @param executor where blocking SOAP calls run and futures complete; {@code null} for a pool
 *     owned by the client and shut down by {@link OnvifClient#close()}
 * @param clock the local clock; the camera clock offset is measured against it
 * @param sslContext TLS context for {@code https} cameras; {@code null} for the JDK default trust
 *     store. Trusting a camera's self-signed certificate is an explicit opt-in through this context
 * @param rewriteServiceAddresses whether service addresses announced by the camera are rewritten
 *     to the scheme, host and port the user gave (cameras behind NAT announce unreachable
 *     internal addresses)
 * @param passwordTextFallback whether to retry once with a {@code PasswordText} UsernameToken
 *     when the camera rejects {@code PasswordDigest}; off by default since it sends the password
 *     in clear
 */
public record OnvifConfig(
    Duration connectTimeout,
    Duration requestTimeout,
    @Nullable Executor executor,
    Clock clock,
    @Nullable SSLContext sslContext,
    boolean rewriteServiceAddresses,
    boolean passwordTextFallback) {

  /**
   * Checks the components.
   *
   * @param connectTimeout TCP connect timeout
   * @param requestTimeout operation timeout
   * @param executor executor or {@code null}
   * @param clock local clock
   * @param sslContext TLS context or {@code null}
   * @param rewriteServiceAddresses rewrite announced addresses
   * @param passwordTextFallback allow PasswordText retry
   */
  public OnvifConfig {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(clock, "clock");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /**
   * The default settings.
   *
   * @return connect 5 s, request 15 s, own pool, UTC system clock, default TLS, rewriting on,
   *     PasswordText fallback off
   */
  public static OnvifConfig defaults() {
    return new Builder().build();
  }

  /**
   * Builds settings starting from the defaults.
   *
   * @param customizer sets the values to change
   * @return the settings
   */
  public static OnvifConfig create(Consumer<Builder> customizer) {
    Builder b = new Builder();
    customizer.accept(b);
    return b.build();
  }

  /**
   * A builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.executor = executor;
    b.clock = clock;
    b.sslContext = sslContext;
    b.rewriteServiceAddresses = rewriteServiceAddresses;
    b.passwordTextFallback = passwordTextFallback;
    return b;
  }

  /** Builder of {@link OnvifConfig}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private @Nullable Executor executor;
    private Clock clock = Clock.systemUTC();
    private @Nullable SSLContext sslContext;
    private boolean rewriteServiceAddresses = true;
    private boolean passwordTextFallback;

    Builder() {}

    /**
     * Sets the TCP connect timeout (default 5 s).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /**
     * Sets the timeout of one operation (default 15 s).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /**
     * Sets the executor for blocking calls (default: a pool owned by the client).
     *
     * @param value the executor, or {@code null}
     * @return this builder
     */
    public Builder executor(@Nullable Executor value) {
      this.executor = value;
      return this;
    }

    /**
     * Sets the local clock (default {@link Clock#systemUTC()}).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the TLS context for {@code https} cameras (default: JDK trust store).
     *
     * @param value the context, or {@code null}
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext value) {
      this.sslContext = value;
      return this;
    }

    /**
     * Sets whether announced service addresses are rewritten to the given host (default true).
     *
     * @param value true to rewrite
     * @return this builder
     */
    public Builder rewriteServiceAddresses(boolean value) {
      this.rewriteServiceAddresses = value;
      return this;
    }

    /**
     * Sets whether a rejected digest token is retried once as PasswordText (default false).
     *
     * @param value true to allow the fallback
     * @return this builder
     */
    public Builder passwordTextFallback(boolean value) {
      this.passwordTextFallback = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public OnvifConfig build() {
      return new OnvifConfig(
          connectTimeout,
          requestTimeout,
          executor,
          clock,
          sslContext,
          rewriteServiceAddresses,
          passwordTextFallback);
    }
  }
}
