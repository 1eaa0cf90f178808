package cn.jiyuan.decisionreview.agency;

import cn.jiyuan.decisionreview.shared.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the agency register (Art. 21, 22, 25): who the agency is, whether it meets the Art. 22
 * requirements, which decisions it argued before they were taken (Decree 713 Art. 36 ¶2), which executing
 * unit it is subordinate to or has an interest in, and the Art. 25 sanctions recorded against it.
 */
public record Agency(
    String id,
    String name,
    Type type,
    boolean creditGood,
    String creditRecord,
    boolean hasFacilities,
    String facilities,
    boolean staffQualified,
    String staffQualifications,
    String affiliatedUnit,
    String contact,
    List<String> arguedDecisions,
    List<Sanction> sanctions,
    Instant createdAt,
    Instant updatedAt) {

  public Agency {
    arguedDecisions = List.copyOf(arguedDecisions);
    sanctions = List.copyOf(sanctions);
  }

  /** The Camunda group whose members do the commissioned evaluation tasks. */
  public String groupId() {
    return Groups.AGENCY_PREFIX + id;
  }

  public boolean sanctioned() {
    return !sanctions.isEmpty();
  }

  /** "郑州大学公共政策研究中心（高等学校）", as shown in selects. */
  public String label() {
    return name + "（" + type.label() + "）";
  }

  /** The agency types of Art. 21, with their Chinese names. The codes are the DMN {@code agencyType} values. */
  public enum Type {
    UNIVERSITY("高等学校"),
    RESEARCH_INSTITUTE("科研机构"),
    LAW_FIRM("律师事务所"),
    SOCIAL_ORGANIZATION("社会组织"),
    CONSULTANCY("咨询机构"),
    OTHER("其他");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Type> parse(String code) {
      if (code == null) {
        return Optional.empty();
      }
      for (Type type : values()) {
        if (type.name().equals(code.trim())) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }
  }

  /** An Art. 25 sanction: the agency reported against the facts, with serious consequences, and was dealt with. */
  public record Sanction(LocalDate date, String reason, String recordedBy, Instant recordedAt) {}
}
