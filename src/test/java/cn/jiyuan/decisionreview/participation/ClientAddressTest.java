package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  static final List<String> PROXIES = List.of("10.0.0.1", "10.0.0.2");

  @Test
  void withoutTrustedProxiesTheConnectionCounts() {
    assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", List.of())).isEqualTo("203.0.113.7");
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", PROXIES)).isEqualTo("203.0.113.7");
  }

  @Test
  void aTrustedProxyNamesTheClient() {
    assertThat(ClientAddress.of("10.0.0.1", "198.51.100.1", PROXIES)).isEqualTo("198.51.100.1");
  }

  @Test
  void theRightmostUntrustedHopCountsNotWhatTheClientWroteOnTheLeft() {
    // the client sent "X-Forwarded-For: 1.2.3.4" itself; the proxy appended the address it saw
    assertThat(ClientAddress.of("10.0.0.1", "1.2.3.4, 198.51.100.1", PROXIES)).isEqualTo("198.51.100.1");
    // two trusted proxies in a row are skipped
    assertThat(ClientAddress.of("10.0.0.2", "1.2.3.4,198.51.100.1 , 10.0.0.1", PROXIES)).isEqualTo("198.51.100.1");
  }

  @Test
  void onlyProxiesInTheChainMeanTheConnectionCounts() {
    assertThat(ClientAddress.of("10.0.0.1", "10.0.0.2, ,", PROXIES)).isEqualTo("10.0.0.1");
    assertThat(ClientAddress.of("10.0.0.1", "  ", PROXIES)).isEqualTo("10.0.0.1");
    assertThat(ClientAddress.of("10.0.0.1", null, PROXIES)).isEqualTo("10.0.0.1");
  }

  @Test
  void aMissingRemoteAddressIsEmpty() {
    assertThat(ClientAddress.of(null, "198.51.100.1", PROXIES)).isEmpty();
    assertThat(ClientAddress.of(" 10.0.0.1 ", "198.51.100.1", PROXIES)).isEqualTo("198.51.100.1");
  }
}
