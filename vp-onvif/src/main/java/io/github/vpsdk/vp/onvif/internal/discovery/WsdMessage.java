package io.github.vpsdk.vp.onvif.internal.discovery;

import java.util.List;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/** A decoded WS-Discovery datagram, or why it could not be decoded. */
public sealed interface WsdMessage
    permits WsdMessage.Probe,
        WsdMessage.ProbeMatches,
        WsdMessage.Hello,
        WsdMessage.Bye,
        WsdMessage.Other,
        WsdMessage.Malformed {

  /**
   * A target service as described in Hello, Bye and ProbeMatch.
   *
   * @param endpointReference the {@code wsa:EndpointReference/wsa:Address}
   * @param types the types, prefixes resolved
   * @param scopes the scopes
   * @param xAddrs the transport addresses as written
   * @param metadataVersion the metadata version, 0 when absent
   */
  record Target(
      String endpointReference,
      List<QName> types,
      List<String> scopes,
      List<String> xAddrs,
      long metadataVersion) {
    /** Copies the lists. */
    public Target {
      types = List.copyOf(types);
      scopes = List.copyOf(scopes);
      xAddrs = List.copyOf(xAddrs);
    }
  }

  /**
   * A Probe.
   *
   * @param messageId its {@code wsa:MessageID}
   * @param types the wanted types (empty for any)
   * @param scopes the wanted scopes (empty for any)
   * @param matchBy the scope matching rule, or {@code null} for the default (RFC 3986)
   */
  record Probe(String messageId, List<QName> types, List<String> scopes, @Nullable String matchBy)
      implements WsdMessage {
    /** Copies the lists. */
    public Probe {
      types = List.copyOf(types);
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * ProbeMatches.
   *
   * @param messageId its {@code wsa:MessageID}
   * @param relatesTo the {@code wsa:RelatesTo} (the Probe's MessageID), or {@code null}
   * @param matches the matches
   */
  record ProbeMatches(String messageId, @Nullable String relatesTo, List<Target> matches)
      implements WsdMessage {
    /** Copies the list. */
    public ProbeMatches {
      matches = List.copyOf(matches);
    }
  }

  /**
   * A Hello announcement.
   *
   * @param messageId its {@code wsa:MessageID}
   * @param target the announced service
   */
  record Hello(String messageId, Target target) implements WsdMessage {}

  /**
   * A Bye announcement.
   *
   * @param messageId its {@code wsa:MessageID}
   * @param target the leaving service (often only its endpoint reference)
   */
  record Bye(String messageId, Target target) implements WsdMessage {}

  /**
   * A well-formed SOAP message that vp does not handle (Resolve, ResolveMatches, a fault).
   *
   * @param body the qualified name of the first body element
   */
  record Other(QName body) implements WsdMessage {}

  /**
   * A datagram that is not a usable WS-Discovery message.
   *
   * @param reason why, for logs
   */
  record Malformed(String reason) implements WsdMessage {}
}
