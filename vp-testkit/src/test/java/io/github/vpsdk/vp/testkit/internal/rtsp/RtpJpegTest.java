package io.github.vpsdk.vp.testkit.internal.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** RFC 2435 packetization, checked by rebuilding the JPEG on the receiver side and decoding it. */
class RtpJpegTest {

  static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, w, h, Color.BLUE));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.WHITE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    return img;
  }

  static byte[] jpeg(BufferedImage img, ImageWriteParam param) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(img, null, null), param);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  static byte[] defaultJpeg(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  static int[] pixels(byte[] jpeg) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(img).as("decodable JPEG").isNotNull();
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void imageIoDefaultJpegIsBaseline420WithStandardTables() throws IOException {
    JpegFrame f = JpegFrame.parse(defaultJpeg(picture(640, 360)));
    assertThat(f.type()).isEqualTo(1);
    assertThat(f.width()).isEqualTo(640);
    assertThat(f.height()).isEqualTo(360);
    assertThat(f.lumaTable()).hasSize(64);
    assertThat(f.chromaTable()).hasSize(64);
  }

  @Test
  void packetsRebuildTheSameImage() throws IOException {
    byte[] original = defaultJpeg(picture(640, 360));
    JpegFrame f = JpegFrame.parse(original);
    RtpJpegPacketizer packetizer = new RtpJpegPacketizer(0x1234ABCD, 65_530, 1400);
    List<byte[]> packets = packetizer.packetize(f, 90_000);
    assertThat(packets.size()).isGreaterThan(1);
    int total = 0;
    for (int i = 0; i < packets.size(); i++) {
      byte[] p = packets.get(i);
      assertThat(p.length).isLessThanOrEqualTo(1400);
      assertThat(p[0] & 0xFF).isEqualTo(0x80);
      assertThat((p[1] & 0x80) != 0).as("marker on packet %d", i).isEqualTo(i == packets.size() - 1);
      assertThat(p[1] & 0x7F).isEqualTo(26);
      assertThat(((p[2] & 0xFF) << 8) | (p[3] & 0xFF)).isEqualTo((65_530 + i) & 0xFFFF); // wraps
      assertThat(p[12 + 5] & 0xFF).isEqualTo(255); // Q
      assertThat(p[12 + 6] & 0xFF).isEqualTo(80); // 640 / 8
      assertThat(p[12 + 7] & 0xFF).isEqualTo(45); // 360 / 8
      int offset = ((p[13] & 0xFF) << 16) | ((p[14] & 0xFF) << 8) | (p[15] & 0xFF);
      assertThat(offset).isEqualTo(total);
      total += p.length - 20 - (i == 0 ? 132 : 0);
    }
    assertThat(total).isEqualTo(f.scanLength());
    RtpJpegDepacketizer d = new RtpJpegDepacketizer();
    byte[] rebuilt = null;
    for (byte[] p : packets) {
      rebuilt = d.add(p);
    }
    assertThat(rebuilt).isNotNull();
    assertThat(pixels(rebuilt)).isEqualTo(pixels(original));
  }

  @Test
  void tinyPacketsAndOddSizesStillRebuild() throws IOException {
    SplittableRandom random = new SplittableRandom(20261123L);
    for (int round = 0; round < 10; round++) {
      int w = 8 * (1 + random.nextInt(60));
      int h = 8 * (1 + random.nextInt(60));
      int max = 200 + random.nextInt(1300);
      byte[] original = defaultJpeg(picture(w, h));
      JpegFrame f = JpegFrame.parse(original);
      RtpJpegDepacketizer d = new RtpJpegDepacketizer();
      byte[] rebuilt = null;
      for (byte[] p : new RtpJpegPacketizer(1, random.nextInt(), max).packetize(f, round)) {
        rebuilt = d.add(p);
      }
      assertThat(rebuilt).as("%dx%d in packets of %d", w, h, max).isNotNull();
      assertThat(pixels(rebuilt)).as("%dx%d in packets of %d", w, h, max).isEqualTo(pixels(original));
    }
  }

  @Test
  void refusesWhatRfc2435CannotCarry() throws IOException {
    JPEGImageWriteParam progressive = new JPEGImageWriteParam(null);
    progressive.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    assertThatThrownBy(() -> JpegFrame.parse(jpeg(picture(64, 64), progressive)))
        .isInstanceOf(MalformedJpegException.class)
        .hasMessageContaining("baseline");
    JPEGImageWriteParam optimized = new JPEGImageWriteParam(null);
    optimized.setOptimizeHuffmanTables(true);
    assertThatThrownBy(() -> JpegFrame.parse(jpeg(picture(64, 64), optimized)))
        .isInstanceOf(MalformedJpegException.class)
        .hasMessageContaining("standard");
    BufferedImage gray = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
    assertThatThrownBy(() -> JpegFrame.parse(defaultJpeg(gray)))
        .isInstanceOf(MalformedJpegException.class)
        .hasMessageContaining("three components");
    assertThatThrownBy(() -> JpegFrame.parse(defaultJpeg(picture(2048, 16))))
        .isInstanceOf(MalformedJpegException.class)
        .hasMessageContaining("2040");
    assertThatThrownBy(() -> JpegFrame.parse(new byte[] {1, 2, 3}))
        .isInstanceOf(MalformedJpegException.class);
  }

  /** Arbitrary damage to a real JPEG yields a frame or MalformedJpegException, nothing else. */
  @Test
  void damagedJpegsNeverEscapeAsOtherExceptions() throws IOException {
    long seed = new SplittableRandom().nextLong();
    System.out.println("RtpJpegTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    byte[] good = defaultJpeg(picture(64, 48));
    for (int i = 0; i < 5_000; i++) {
      byte[] b = good.clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        b[random.nextInt(Math.min(b.length, 700))] = (byte) random.nextInt(256);
      }
      if (random.nextInt(4) == 0) {
        b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
      }
      try {
        JpegFrame f = JpegFrame.parse(b);
        new RtpJpegPacketizer(1, 1, 200).packetize(f, 0);
      } catch (MalformedJpegException expected) {
        // fine
      }
    }
  }
}
