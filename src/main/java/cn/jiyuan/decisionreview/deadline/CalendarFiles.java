package cn.jiyuan.decisionreview.deadline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads year files: the bundled {@code classpath:calendar/*.json}, then every {@code *.json} of an extra directory,
 * whose years replace bundled ones. A malformed file stops start-up: a wrong calendar would silently shift deadlines.
 */
public final class CalendarFiles {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarFiles.class);
  /** Strict: a misspelt field ("workday") must not be ignored. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  private CalendarFiles() {}

  /** Bundled years, overridden or extended by {@code extraDir} (which may be null or missing). */
  public static List<YearData> load(Path extraDir) {
    Map<Integer, YearData> years = new TreeMap<>();
    for (YearData year : bundled()) {
      years.put(year.year(), year);
    }
    for (YearData year : directory(extraDir)) {
      YearData replaced = years.put(year.year(), year);
      LOG.info("工作日历：{} 年的放假安排{}自目录 {}（来源 {}）", year.year(), replaced == null ? "新增" : "改用",
          extraDir.toAbsolutePath().normalize(), year.source());
    }
    return List.copyOf(years.values());
  }

  public static List<YearData> bundled() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json");
      List<YearData> years = new ArrayList<>();
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          years.add(read(in, "classpath:calendar/" + resource.getFilename()));
        }
      }
      return unique(years, "classpath:calendar/");
    } catch (IOException e) {
      throw new IllegalStateException("无法读取内置工作日历 classpath:calendar/*.json", e);
    }
  }

  /** Every {@code *.json} directly in {@code dir}; none when the directory does not exist. */
  public static List<YearData> directory(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<YearData> years = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          years.add(read(in, file.toString()));
        }
      }
      return unique(years, dir.toString());
    } catch (IOException e) {
      throw new IllegalStateException("无法读取工作日历目录 " + dir.toAbsolutePath().normalize(), e);
    }
  }

  static YearData read(InputStream in, String name) throws IOException {
    try {
      return MAPPER.readValue(in, YearData.class);
    } catch (JacksonException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      String detail = cause instanceof JacksonException je ? je.getOriginalMessage() : cause.getMessage();
      throw new IllegalStateException("工作日历文件 " + name + " 格式不正确：" + detail, e);
    }
  }

  private static List<YearData> unique(List<YearData> years, String where) {
    Map<Integer, YearData> byYear = new TreeMap<>();
    for (YearData year : years) {
      if (byYear.put(year.year(), year) != null) {
        throw new IllegalStateException(where + " 中有多个 " + year.year() + " 年的工作日历文件。");
      }
    }
    return List.copyOf(byYear.values());
  }
}
