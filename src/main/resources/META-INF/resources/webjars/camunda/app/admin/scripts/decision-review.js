// 重大行政决策跟踪反馈与后评估系统：见 ../../decision-review/common.js
import { decisionReviewBanner } from '../../decision-review/common.js';

decisionReviewBanner();

export default [];
