package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Date;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FloatRange;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZVector;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Space1DDescription;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Space2DDescription;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Time;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector1D;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector2D;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.jspecify.annotations.Nullable;

/** Conversions between java.time / vp values and generated binding types. */
final class Xml {
  private static final DatatypeFactory FACTORY;

  static {
    try {
      FACTORY = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Xml() {}

  static DateTime dateTime(Instant instant) {
    ZonedDateTime z = instant.atZone(ZoneOffset.UTC);
    Date d = new Date();
    d.setYear(z.getYear());
    d.setMonth(z.getMonthValue());
    d.setDay(z.getDayOfMonth());
    Time t = new Time();
    t.setHour(z.getHour());
    t.setMinute(z.getMinute());
    t.setSecond(z.getSecond());
    DateTime out = new DateTime();
    out.setDate(d);
    out.setTime(t);
    return out;
  }

  static XMLGregorianCalendar calendar(Instant instant) {
    GregorianCalendar g = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    g.setTimeInMillis(instant.toEpochMilli());
    return FACTORY.newXMLGregorianCalendar(g);
  }

  static javax.xml.datatype.Duration duration(java.time.Duration d) {
    return FACTORY.newDuration(d.toString());
  }

  /** An xs:duration as a java.time.Duration (years and months at 365 and 30 days). */
  static java.time.Duration duration(javax.xml.datatype.Duration d) {
    java.time.Duration out =
        java.time.Duration.ofDays(
                d.getYears() * 365L + d.getMonths() * 30L + d.getDays())
            .plusHours(d.getHours())
            .plusMinutes(d.getMinutes());
    Number seconds = d.getField(javax.xml.datatype.DatatypeConstants.SECONDS);
    if (seconds != null) {
      BigDecimal s = seconds instanceof BigDecimal ? (BigDecimal) seconds : new BigDecimal(seconds.toString());
      out = out.plusNanos(s.movePointRight(9).longValue());
    }
    return d.getSign() < 0 ? out.negated() : out;
  }

  static PTZVector vector(PtzVector v, String panTiltSpace, String zoomSpace) {
    PTZVector out = new PTZVector();
    Vector2D pt = new Vector2D();
    pt.setX((float) v.pan());
    pt.setY((float) v.tilt());
    pt.setSpace(panTiltSpace);
    Vector1D z = new Vector1D();
    z.setX((float) v.zoom());
    z.setSpace(zoomSpace);
    out.setPanTilt(pt);
    out.setZoom(z);
    return out;
  }

  static @Nullable Double x(@Nullable Vector2D v) {
    return v == null ? null : finite(v.getX());
  }

  static @Nullable Double y(@Nullable Vector2D v) {
    return v == null ? null : finite(v.getY());
  }

  static @Nullable Double x(@Nullable Vector1D v) {
    return v == null ? null : finite(v.getX());
  }

  private static double finite(float f) {
    if (!Float.isFinite(f)) {
      throw SoapFaults.invalidArg("InvalidArgVal", "not a finite number");
    }
    return f;
  }

  static FloatRange range(double min, double max) {
    FloatRange r = new FloatRange();
    r.setMin((float) min);
    r.setMax((float) max);
    return r;
  }

  static Space2DDescription space2(String uri, double xMin, double xMax, double yMin, double yMax) {
    Space2DDescription s = new Space2DDescription();
    s.setURI(uri);
    s.setXRange(range(xMin, xMax));
    s.setYRange(range(yMin, yMax));
    return s;
  }

  static Space1DDescription space1(String uri, double min, double max) {
    Space1DDescription s = new Space1DDescription();
    s.setURI(uri);
    s.setXRange(range(min, max));
    return s;
  }
}
