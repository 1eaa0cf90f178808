package cn.jiyuan.decisionreview.download;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Downloads keep their Chinese file names, on every path (Camunda's REST APIs, the webapps' API, /api). */
@Configuration
public class DownloadConfiguration {

  @Bean
  FilterRegistrationBean<ContentDispositionFilter> contentDispositionFilter(EngineDownloads downloads) {
    FilterRegistrationBean<ContentDispositionFilter> reg =
        new FilterRegistrationBean<>(new ContentDispositionFilter(downloads));
    reg.setName("content-disposition");
    reg.addUrlPatterns("/*");
    // outermost, so that the wrapper also sees headers set by filters further down the chain
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return reg;
  }
}
