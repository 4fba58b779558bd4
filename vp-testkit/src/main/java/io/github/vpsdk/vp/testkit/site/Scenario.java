package io.github.vpsdk.vp.testkit.site;

import io.github.vpsdk.vp.testkit.internal.site.ScenarioParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated site (or fleet): its panels, where they report, and what happens when. Written as a
 * YAML or JSON document ({@link #parse}, {@link #load}; the format is in {@code docs/testkit-site.md})
 * or built in Java ({@link #builder}).
 *
 * @param name the scenario's name
 * @param primary the primary receiver, or {@code null} if the runner provides it
 * @param backup the backup receiver, or {@code null} for none
 * @param panels the panels
 * @param timeline what happens, in any order (the site sorts it by time)
 * @param duration how long a run lasts; repeated steps stop there
 * @param expectations what the run must show
 * @param cameras the simulated ONVIF cameras of the site, looking at zones
 */
public record Scenario(
    String name,
    @Nullable InetSocketAddress primary,
    @Nullable InetSocketAddress backup,
    List<PanelSpec> panels,
    List<TimelineStep> timeline,
    Duration duration,
    Expectations expectations,
    List<CameraSpec> cameras) {

  /** Validates: unique panel names and accounts, steps naming known panels and zones. */
  public Scenario {
    Objects.requireNonNull(name, "name");
    panels = List.copyOf(panels);
    timeline = List.copyOf(timeline);
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(expectations, "expectations");
    cameras = List.copyOf(cameras);
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one panel");
    }
    Set<String> names = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (PanelSpec p : panels) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("two panels are named " + p.name());
      }
      if (!accounts.add(p.account().toUpperCase(java.util.Locale.ROOT) + "/" + p.receiverNumber() + "/" + p.prefix())) {
        throw new IllegalArgumentException("two panels share the account " + p.account());
      }
    }
    Set<String> cameraNames = new HashSet<>();
    for (CameraSpec c : cameras) {
      if (!cameraNames.add(c.name())) {
        throw new IllegalArgumentException("two cameras are named " + c.name());
      }
      if (c.panel() != null && !names.contains(c.panel())) {
        throw new IllegalArgumentException("camera " + c.name() + " looks at an unknown panel: " + c.panel());
      }
    }
    for (TimelineStep s : timeline) {
      String camera = s.action() instanceof SiteAction.CameraFault ? ((SiteAction.CameraFault) s.action()).camera()
          : s.action() instanceof SiteAction.CameraEvent ? ((SiteAction.CameraEvent) s.action()).camera() : null;
      if (camera != null && !cameraNames.contains(camera)) {
        throw new IllegalArgumentException("the timeline names an unknown camera: " + camera);
      }
      if (s.panel() != null && !names.contains(s.panel())) {
        throw new IllegalArgumentException("the timeline names an unknown panel: " + s.panel());
      }
      int zone = s.action() instanceof SiteAction.Trip ? ((SiteAction.Trip) s.action()).zone()
          : s.action() instanceof SiteAction.Restore ? ((SiteAction.Restore) s.action()).zone()
          : s.action() instanceof SiteAction.Flood ? ((SiteAction.Flood) s.action()).zone() : -1;
      if (zone >= 0) {
        for (PanelSpec p : panels) {
          if (s.panel() == null || s.panel().equals(p.name())) {
            p.zone(zone); // throws if absent
          }
        }
      }
    }
  }

  /**
   * The panel with a name.
   *
   * @param panelName the name
   * @return the panel
   * @throws IllegalArgumentException if there is none
   */
  public PanelSpec panel(String panelName) {
    for (PanelSpec p : panels) {
      if (p.name().equals(panelName)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no panel named " + panelName);
  }

  /**
   * Reads a scenario document (YAML, or JSON, which is YAML too).
   *
   * @param text the document
   * @return the scenario
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  public static Scenario parse(String text) {
    return ScenarioParser.parse(text);
  }

  /**
   * Reads a scenario file.
   *
   * @param file the file
   * @return the scenario
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a valid scenario
   */
  public static Scenario load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a scenario from the class path, as tests keep them.
   *
   * @param resource the resource name, such as {@code "scenarios/shop.yaml"}
   * @param loader where to look
   * @return the scenario
   * @throws IllegalArgumentException if it is missing or not a valid scenario
   */
  public static Scenario resource(String resource, ClassLoader loader) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no scenario resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario resource " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same scenario reporting to other receivers (what {@code vp site --receiver} does).
   *
   * @param newPrimary the primary receiver
   * @param newBackup the backup receiver, or {@code null} to keep the scenario's
   * @return the scenario
   */
  public Scenario withReceivers(InetSocketAddress newPrimary, @Nullable InetSocketAddress newBackup) {
    return new Scenario(name, newPrimary, newBackup != null ? newBackup : backup, panels, timeline, duration, expectations,
        cameras);
  }

  /**
   * Starts a scenario in Java.
   *
   * @param name its name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link Scenario}. Defaults: no receivers (the runner gives them), one minute, {@link Expectations#DEFAULT}. */
  public static final class Builder {
    private final String name;
    private @Nullable InetSocketAddress primary;
    private @Nullable InetSocketAddress backup;
    private final List<PanelSpec> panels = new ArrayList<>();
    private final List<TimelineStep> timeline = new ArrayList<>();
    private Duration duration = Duration.ofMinutes(1);
    private Expectations expectations = Expectations.DEFAULT;
    private final List<CameraSpec> cameras = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the receivers.
     *
     * @param primaryReceiver the primary
     * @param backupReceiver the backup, or {@code null}
     * @return this builder
     */
    public Builder receivers(@Nullable InetSocketAddress primaryReceiver, @Nullable InetSocketAddress backupReceiver) {
      this.primary = primaryReceiver;
      this.backup = backupReceiver;
      return this;
    }

    /** @param panel a panel @return this builder */
    public Builder panel(PanelSpec panel) {
      panels.add(panel);
      return this;
    }

    /**
     * Adds a panel.
     *
     * @param panelName its name
     * @param account its account
     * @param configure sets the rest
     * @return this builder
     */
    public Builder panel(String panelName, String account, Consumer<PanelSpec.Builder> configure) {
      return panel(PanelSpec.create(panelName, account, configure));
    }

    /**
     * Adds a step happening once.
     *
     * @param at when
     * @param panelName the panel, or {@code null} for all
     * @param action what
     * @return this builder
     */
    public Builder at(Duration at, @Nullable String panelName, SiteAction action) {
      timeline.add(new TimelineStep(at, null, panelName, action));
      return this;
    }

    /**
     * Adds a repeated step.
     *
     * @param first when first
     * @param every the period
     * @param panelName the panel, or {@code null} for all
     * @param action what
     * @return this builder
     */
    public Builder every(Duration first, Duration every, @Nullable String panelName, SiteAction action) {
      timeline.add(new TimelineStep(first, every, panelName, action));
      return this;
    }

    /** @param camera a simulated camera looking at zones @return this builder */
    public Builder camera(CameraSpec camera) {
      cameras.add(camera);
      return this;
    }

    /** @param runFor how long a run lasts @return this builder */
    public Builder duration(Duration runFor) {
      this.duration = runFor;
      return this;
    }

    /** @param expect what the run must show @return this builder */
    public Builder expect(Expectations expect) {
      this.expectations = expect;
      return this;
    }

    /** @return the scenario */
    public Scenario build() {
      return new Scenario(name, primary, backup, panels, timeline, duration, expectations, cameras);
    }
  }
}
