package cn.jiyuan.decisionreview.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** Injected wherever time matters, as a {@link Clock} or as the {@link BeijingClock} it is. */
  @Bean
  BeijingClock beijingClock() {
    return BeijingClock.INSTANCE;
  }
}
