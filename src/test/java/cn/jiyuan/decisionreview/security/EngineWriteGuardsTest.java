package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Kind;
import cn.jiyuan.decisionreview.security.CommentAttachmentRule.Write;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.junit.jupiter.api.Test;

/** The guard reads Camunda's command fields; if an engine update renames one, this fails instead of the guard opening. */
class EngineWriteGuardsTest {

  @Test
  void readsTheTargetOfEveryCommentAndAttachmentCommand() {
    assertThat(EngineWriteGuards.writeOf(new AddCommentCmd("t", "p", "m")))
        .isEqualTo(new Write(Kind.ADD_COMMENT, "t", "p", null, null));
    assertThat(EngineWriteGuards.writeOf(new CreateAttachmentCmd("type", "t", "p", "n", "d", null, "http://x")))
        .isEqualTo(new Write(Kind.ADD_ATTACHMENT, "t", "p", null, null));
    assertThat(EngineWriteGuards.writeOf(new DeleteAttachmentCmd("t", "a")))
        .isEqualTo(new Write(Kind.CHANGE_ATTACHMENT, "t", null, null, "a"));
    assertThat(EngineWriteGuards.writeOf(new DeleteAttachmentCmd("a")))
        .isEqualTo(new Write(Kind.CHANGE_ATTACHMENT, null, null, null, "a"));
    assertThat(EngineWriteGuards.writeOf(new DeleteTaskCommentCmd("t", "c")))
        .isEqualTo(new Write(Kind.CHANGE_COMMENT, "t", null, "c", null));
    assertThat(EngineWriteGuards.writeOf(new DeleteTaskCommentCmd("t")))
        .isEqualTo(new Write(Kind.CHANGE_COMMENT, "t", null, null, null));
    assertThat(EngineWriteGuards.writeOf(new UpdateCommentCmd("t", null, "c", "m")))
        .isEqualTo(new Write(Kind.CHANGE_COMMENT, "t", null, "c", null));
    assertThat(EngineWriteGuards.writeOf(new DeleteProcessInstanceCommentCmd("p", "c")))
        .isEqualTo(new Write(Kind.CHANGE_COMMENT, null, "p", "c", null));
    assertThat(EngineWriteGuards.writeOf(new CompleteTaskCmd("t", null))).isNull();
  }
}
