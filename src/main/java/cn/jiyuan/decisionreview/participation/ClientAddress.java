package cn.jiyuan.decisionreview.participation;

import java.util.Collection;

/**
 * The address a public submission comes from. {@code X-Forwarded-For} is believed only when the connection comes
 * from a configured proxy, and then only up to the first hop that is not itself a trusted proxy: a client can put
 * anything at the left of that header, so the rightmost untrusted entry is the one a trusted proxy saw.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String of(String remoteAddress, String forwardedFor, Collection<String> trustedProxies) {
    String remote = remoteAddress == null ? "" : remoteAddress.trim();
    if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remote)) {
      return remote;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }
}
