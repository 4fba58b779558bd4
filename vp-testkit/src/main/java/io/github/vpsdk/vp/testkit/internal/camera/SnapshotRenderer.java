package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws a snapshot at request time: a gradient whose hue follows the PTZ pan, a crosshair where the
 * head points, and caption lines (camera name, camera clock, PTZ position or preset, scene text),
 * encoded as a baseline JPEG of the profile's resolution. Headless AWT: no display needed.
 */
final class SnapshotRenderer {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

  private SnapshotRenderer() {}

  static byte[] render(CameraState state, CameraProfile profile) {
    int w = profile.width();
    int h = profile.height();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      Optional<PtzHead> ptz = state.ptz();
      PtzVector pos = ptz.map(PtzHead::position).orElse(new PtzVector(0, 0, 0));
      float hue = (float) ((pos.pan() + 1) / 2);
      g.setPaint(
          new GradientPaint(
              0, 0, Color.getHSBColor(hue, 0.45f, 0.35f), w, h, Color.getHSBColor(hue, 0.6f, 0.12f)));
      g.fillRect(0, 0, w, h);
      int cx = (int) Math.round((pos.pan() + 1) / 2 * (w - 1));
      int cy = (int) Math.round((1 - (pos.tilt() + 1) / 2) * (h - 1));
      int r = Math.max(8, (int) (Math.min(w, h) / 10 * (1 + 2 * pos.zoom())));
      g.setColor(new Color(255, 200, 0));
      g.setStroke(new BasicStroke(Math.max(1, w / 400f)));
      g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
      g.drawLine(cx - 2 * r, cy, cx + 2 * r, cy);
      g.drawLine(cx, cy - 2 * r, cx, cy + 2 * r);
      caption(g, state, profile, pos, w, h);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(img, "jpg", out)) {
        throw new IllegalStateException("no JPEG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void caption(
      Graphics2D g, CameraState state, CameraProfile profile, PtzVector pos, int w, int h) {
    List<String> lines = new ArrayList<>();
    Instant now = state.cameraNow().truncatedTo(ChronoUnit.SECONDS);
    lines.add(state.config().name() + "  [" + profile.token() + " " + w + "x" + h + "]");
    lines.add(TIME.format(now));
    if (state.ptz().isPresent()) {
      PtzHead head = state.ptz().get();
      String where =
          String.format(Locale.ROOT, "PTZ pan %.3f tilt %.3f zoom %.3f", pos.pan(), pos.tilt(), pos.zoom());
      if (head.panTiltMoving() || head.zoomMoving()) {
        where += "  MOVING";
      } else {
        Optional<PtzPreset> preset = state.presetHere();
        if (preset.isPresent()) {
          where += "  preset " + preset.get().name();
        }
      }
      lines.add(where);
    }
    if (!state.scene().isEmpty()) {
      lines.add("scene: " + state.scene());
    }
    int size = Math.max(10, h / 24);
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.MONOSPACED, Font.BOLD, size));
      int y = size + size / 2;
      for (String line : lines) {
        g.setColor(Color.BLACK);
        g.drawString(line, size / 2 + 2, y + 2);
        g.setColor(Color.WHITE);
        g.drawString(line, size / 2, y);
        y += size + size / 3;
      }
    } catch (RuntimeException | LinkageError e) {
      // a JDK without fonts (some minimal images): the picture goes without its caption
    }
  }
}
