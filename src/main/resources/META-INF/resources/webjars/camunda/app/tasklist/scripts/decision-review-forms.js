/*
 * 重大行政决策跟踪反馈与后评估系统 — Tasklist 7.24 表单补丁（见 README “Working in Tasklist”）。
 *
 * Tasklist 7.24 bundles form-js 1.8.7, which has three traps this script closes:
 *  1. A field inside a repeating list leaves an empty entry in the form's errors (`{"Field_x": [null]}`) and
 *     Tasklist disables 提交 whenever that object has a key, so such a form can never be submitted. We prune
 *     entries without messages before the state is stored; real validation errors stay untouched.
 *  2. Its fixed strings (placeholders, buttons, validation messages, the date picker) are English and it has no
 *     translation hook: we translate messages where errors are stored and UI strings where they are rendered.
 *  3. Values inserted into text views by `{{…}}` become markup: we escape them, so what one user typed is shown to
 *     the next as text (what one person typed must not change what the next one sees).
 * It also puts every refusal next to the field and the 提交 button, scrolled into view.
 *
 * Nothing here reaches into form-js by hard-coded module ids: the modules are found by what they are. If a webjar
 * update changes what this relies on, the page says so in red and WebjarCompatibilityTest fails the build.
 */

import { decisionReviewBanner } from '../../decision-review/common.js';

decisionReviewBanner();

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多填写 ${m[1]} 个字。`],
  [/^Field must match pattern .+\.$/, () => '格式不正确，请按说明填写。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid +international phone number\..*$/, () => '请填写有效的电话号码（国际格式，如 +8639166330000）。'],
  [/^Date and time must both be entered\.$/, () => '日期和时间均须填写。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效的数值，最接近的两个有效值为 ${m[1]} 和 ${m[2]}。`]
];

/** Fixed UI strings of form-js 1.8.7 as rendered in text, placeholders, titles and aria labels. */
const UI_STRINGS = [
  [/^Add new$/, () => '添加'],
  [/^Collapse$/, () => '收起'],
  [/^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`],
  [/^Search$/, () => '搜索'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '没有匹配的选项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Nothing to show\.$/, () => '暂无内容。'],
  [/^No content to show\.$/, () => '暂无内容。'],
  [/^No options source defined in the form definition$/, () => '表单未定义选项来源'],
  [/^External content couldn't be loaded\.$/, () => '无法加载外部内容。'],
  [/^This is an image placeholder$/, () => '图片'],
  [/^Remove list item (\d+)$/, (m) => `删除第 ${m[1]} 项`],
  [/^Remove tag$/, () => '移除'],
  [/^Increment$/, () => '增加'],
  [/^Decrement$/, () => '减少'],
  [/^Previous page$/, () => '上一页'],
  [/^Next page$/, () => '下一页'],
  [/^Click to sort by (.+) ascending$/, (m) => `点击按“${m[1]}”升序排列`],
  [/^Click to sort by (.+) descending$/, (m) => `点击按“${m[1]}”降序排列`],
  [/^Click to remove sorting$/, () => '点击取消排序'],
  [/^Powered by bpmn\.io$/, () => '由 bpmn.io 提供技术支持'],
  // the date placeholder follows the browser's locale (e.g. yyyy/mm/dd, mm/dd/yyyy): keep its order
  [/^(?=.*y)(?=.*m)(?=.*d)[ymd]{1,4}[/.\-][ymd]{1,4}[/.\-][ymd]{1,4}$/i,
    (m) => m[0].replace(/y+/gi, '年').replace(/m+/gi, '月').replace(/d+/gi, '日')],
  [/^hh:mm$/, () => '时:分'],
  [/^hh:mm \?m$/, () => '时:分 上午/下午'],
  [/^AM$/, () => '上午'],
  [/^PM$/, () => '下午']
];

/** flatpickr (form-js's date picker) in Chinese; the same shape as flatpickr's own `zh` locale. */
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

function translate(table, text) {
  if (typeof text !== 'string') {
    return text;
  }
  const trimmed = text.trim();
  for (const [pattern, replacement] of table) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, replacement(match));
    }
  }
  return text;
}

export function translateMessage(message) {
  return translate(MESSAGES, message);
}

export function translateUiString(text) {
  return translate(UI_STRINGS, translate(MESSAGES, text));
}

/** An error entry counts only if it carries at least one message somewhere inside (lists nest arrays). */
function hasMessage(value) {
  if (value === null || value === undefined) {
    return false;
  }
  if (typeof value === 'string') {
    return value.length > 0;
  }
  if (Array.isArray(value)) {
    return value.some(hasMessage);
  }
  if (typeof value === 'object') {
    return Object.values(value).some(hasMessage);
  }
  return true;
}

function translateDeep(value) {
  if (typeof value === 'string') {
    return translateMessage(value);
  }
  if (Array.isArray(value)) {
    return value.map(translateDeep);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateDeep(v)]));
  }
  return value;
}

/** How many fields (or list rows of a field) carry a message. */
export function countErrors(errors) {
  return Object.values(errors || {}).reduce((n, entry) => {
    if (Array.isArray(entry) && entry.some(Array.isArray)) {
      return n + entry.filter(hasMessage).length;
    }
    return n + (hasMessage(entry) ? 1 : 0);
  }, 0);
}

/** Drops entries without a message and translates the rest; positions inside lists are kept. */
export function cleanErrors(errors) {
  const cleaned = {};
  for (const [fieldId, entry] of Object.entries(errors || {})) {
    if (hasMessage(entry)) {
      cleaned[fieldId] = translateDeep(entry);
    }
  }
  return cleaned;
}

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+!|~<>&"']/g;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A value inserted into a text view is text: HTML-escaped, and markdown punctuation backslash-escaped. */
export function escapeInsertedValue(value) {
  if (value === null || value === undefined) {
    return value;
  }
  return String(value).replace(MARKDOWN_SPECIALS, (ch) => ENTITIES[ch] || '\\' + ch);
}

// ---------------------------------------------------------------------------------------------------------------
// Finding form-js and flatpickr inside Camunda's webpack bundle

function webpackRequire() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let found = null;
  chunks.push([['decision-review-forms'], {}, (require) => { found = require; }]);
  return found;
}

function findModule(require, recognises) {
  for (const id of Object.keys(require.m || {})) {
    let source;
    try {
      source = Function.prototype.toString.call(require.m[id]);
    } catch (e) {
      continue;
    }
    if (recognises(source)) {
      return require(id);
    }
  }
  return null;
}

const problems = [];

function expect(condition, what) {
  if (!condition) {
    problems.push(what);
  }
  return condition;
}

function patchFormJs(viewer) {
  const Form = viewer && viewer.Form;
  const proto = Form && Form.prototype;
  if (!expect(proto && typeof proto._setState === 'function' && typeof proto.validate === 'function'
      && typeof proto.submit === 'function', 'form-js Form（_setState/validate/submit）')) {
    return;
  }
  const setState = proto._setState;
  proto._setState = function (state) {
    if (state && state.errors) {
      state = { ...state, errors: cleanErrors(state.errors) };
    }
    forms.add(this);
    return setState.call(this, state);
  };

  // Tasklist throws the errors object when a submission is invalid and shows its `message` in the toast: give it
  // one (non-enumerable, so Tasklist's `Object.keys(errors).length` check is unchanged).
  const submit = proto.submit;
  proto.submit = function () {
    const result = submit.apply(this, arguments);
    if (result && result.errors && Object.keys(result.errors).length) {
      const count = countErrors(result.errors);
      Object.defineProperty(result.errors, 'message', {
        value: `有 ${count} 处未填写或填写有误，请按红色提示修改后再提交。`, enumerable: false
      });
    }
    return result;
  };

  const Templating = viewer.FeelersTemplating;
  if (expect(Templating && typeof Templating.prototype.evaluate === 'function', 'form-js FeelersTemplating.evaluate')) {
    const evaluate = Templating.prototype.evaluate;
    Templating.prototype.evaluate = function (template, context, options) {
      const opts = options || {};
      return evaluate.call(this, template, context, opts.sanitizer ? opts : { ...opts, sanitizer: escapeInsertedValue });
    };
  }
}

function patchFlatpickr(flatpickr) {
  const fp = flatpickr && (flatpickr.default || flatpickr);
  if (expect(fp && typeof fp.localize === 'function', 'flatpickr.localize')) {
    fp.localize(FLATPICKR_ZH);
  }
}

const forms = new Set();

function currentForm() {
  for (const form of Array.from(forms).reverse()) {
    const container = form._container;
    if (container && container.isConnected) {
      return form;
    }
    if (container && !container.isConnected) {
      forms.delete(form);
    }
  }
  return null;
}

function install() {
  const require = webpackRequire();
  if (!expect(require && require.m, 'webpack 模块表（webpackChunkcamunda_bpm_webapp）')) {
    return;
  }
  patchFormJs(findModule(require, (s) => s.includes('_getSubmitData(){') && s.includes('FeelersTemplating')));
  patchFlatpickr(findModule(require, (s) => s.includes('flatpickr-calendar') && s.includes('.localize=')));
}

try {
  install();
} catch (e) {
  problems.push(String(e && e.message || e));
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese UI strings where form-js renders them

const TRANSLATED_ATTRIBUTES = ['placeholder', 'title', 'aria-label'];
const FORM_ROOTS = '.fjs-container, .flatpickr-calendar';

function translateElement(root) {
  if (!(root instanceof Element)) {
    return;
  }
  const elements = [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const name of TRANSLATED_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) {
        const translated = translateUiString(value);
        if (translated !== value) {
          el.setAttribute(name, translated);
        }
      }
    }
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.data.trim()) {
        const translated = translateUiString(node.data);
        if (translated !== node.data) {
          node.data = translated;
        }
      }
    }
  }
}

function insideForm(node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return el && el.closest(FORM_ROOTS) ? el : null;
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach((node) => {
        const el = insideForm(node);
        if (el) {
          translateElement(node.nodeType === Node.ELEMENT_NODE ? node : el);
        } else if (node instanceof Element) {
          node.querySelectorAll(FORM_ROOTS).forEach(translateElement);
        }
      });
    } else {
      const el = insideForm(mutation.target);
      if (el) {
        translateElement(el);
      }
    }
  }
}).observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: TRANSLATED_ATTRIBUTES
});

// ---------------------------------------------------------------------------------------------------------------
// Refusals where the user looks: next to the field and next to 提交, scrolled into view

const FEEDBACK_ID = 'decision-review-submit-feedback';

function fieldLabel(field) {
  const label = field.querySelector('.fjs-form-field-label, label.control-label, label');
  const text = label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
  const row = field.closest('.fjs-repeat-row-container');
  if (row && row.parentElement) {
    const index = Array.from(row.parentElement.children).filter((c) => c.classList.contains('fjs-repeat-row-container'))
      .indexOf(row) + 1;
    const list = row.closest('.fjs-form-field-dynamiclist');
    const listLabel = list && list.querySelector('.fjs-form-field-label');
    return `${listLabel ? listLabel.textContent.trim() + ' ' : ''}第 ${index} 项“${text}”`;
  }
  return text ? `“${text}”` : '';
}

/** The form-js fields that show an error now, with their labels and messages. */
function fieldErrors(form) {
  const root = form && form._container;
  if (!root) {
    return [];
  }
  return Array.from(root.querySelectorAll('.fjs-form-field-error')).map((error) => {
    const field = error.closest('.fjs-form-field');
    return { element: field || error, label: field ? fieldLabel(field) : '', message: error.textContent.trim() };
  });
}

function submitButton() {
  // a start form opens in a dialog over the task that may be open behind it
  return document.querySelector('.modal-footer .btn-primary')
    || document.querySelector('[cam-tasklist-form] .form-actions .btn-primary');
}

function clearFeedback() {
  const existing = document.getElementById(FEEDBACK_ID);
  if (existing) {
    existing.remove();
  }
  document.querySelectorAll('.decision-review-field-refusal').forEach((el) => el.remove());
}

/** Shows `lines` above 提交 and scrolls the first marked field (or the message) into view. */
export function showRefusal(title, lines, firstField) {
  clearFeedback();
  const button = submitButton();
  const box = document.createElement('div');
  box.id = FEEDBACK_ID;
  box.className = 'alert alert-danger decision-review-refusal';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.appendChild(heading);
  if (lines.length) {
    const list = document.createElement('ul');
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.appendChild(item);
    }
    box.appendChild(list);
  }
  const dialogBody = button && button.closest('.modal-content') && button.closest('.modal-content').querySelector('.modal-body');
  const anchor = button ? button.closest('.form-actions') || button.parentElement : null;
  if (dialogBody) {
    dialogBody.appendChild(box);
  } else if (anchor && anchor.parentElement) {
    anchor.parentElement.insertBefore(box, anchor);
  } else {
    document.body.appendChild(box);
  }
  const target = firstField || box;
  target.scrollIntoView({ block: 'center' });
  const input = firstField && firstField.querySelector('input, textarea, select');
  if (input && typeof input.focus === 'function') {
    input.focus({ preventScroll: true });
  }
}

/**
 * Tasklist also reports a refused submission in a toast in the lower right corner, on top of 提交. The refusal is
 * already shown next to the button, so the toast is closed rather than left covering it.
 */
function closeSubmissionToasts() {
  if (!document.getElementById(FEEDBACK_ID)) {
    return;
  }
  document.querySelectorAll('.page-notifications .alert').forEach((alert) => {
    const status = alert.querySelector('.status');
    const close = alert.querySelector('button.close[ng-click*="removeNotification"]');
    if (close && status && /提交任务表单时发生错误|流程发起失败/.test(status.textContent)) {
      close.click();
    }
  });
}

new MutationObserver(closeSubmissionToasts).observe(document.documentElement, { childList: true, subtree: true });

/** Marks a field (an element of the form) with a refusal message right below it. */
export function markField(element, message) {
  if (!element) {
    return;
  }
  const note = document.createElement('div');
  note.className = 'decision-review-field-refusal text-danger';
  note.setAttribute('role', 'alert');
  note.textContent = message;
  element.appendChild(note);
}

function showFormJsErrors() {
  const errors = fieldErrors(currentForm());
  if (errors.length) {
    showRefusal(`有 ${errors.length} 处未填写或填写有误，请修改后再提交：`,
      errors.map((e) => (e.label ? e.label + '：' : '') + e.message), errors[0].element);
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('button');
  if (button && button === submitButton()) {
    clearFeedback();
    // form-js validates during Tasklist's own click handler; read the result once it has rendered
    setTimeout(showFormJsErrors, 50);
  }
}, true);

/** The field a server refusal names: a form-js field by its key, or an embedded form's cam-variable-name. */
function elementForVariable(name) {
  if (!name) {
    return null;
  }
  const embedded = document.querySelector(`[cam-tasklist-form] [cam-variable-name="${CSS.escape(name)}"]`);
  if (embedded) {
    return embedded.closest('.form-group') || embedded.parentElement;
  }
  const form = currentForm();
  if (!form) {
    return null;
  }
  const registry = form.get('formFieldRegistry');
  const field = registry.getAll().find((f) => f.key === name || f.path === name);
  const input = field && form._container.querySelector(`[id*="-${CSS.escape(field.id)}"]`);
  return input ? input.closest('.fjs-form-field') : null;
}

const SUBMISSION = /\/(task|process-definition)\/[^/]+(\/key\/[^/]+)?\/(submit-form|complete|start)$/;

/** The refusal's message, and per variable (header X-Form-Refusal, see RefusalDetails.java) where the server says. */
function refusalOf(xhr) {
  let message = '';
  let fields = null;
  try {
    message = String(JSON.parse(xhr.responseText).message || '').replace(/^Cannot submit task form [^:]+: /, '');
  } catch (e) {
    message = '';
  }
  try {
    const header = xhr.getResponseHeader('X-Form-Refusal');
    fields = header ? JSON.parse(decodeURIComponent(header.replace(/\+/g, ' '))) : null;
  } catch (e) {
    fields = null;
  }
  return { message: message || '提交未成功，请稍后重试。', fields };
}

function onSubmissionAnswered(xhr) {
  if (xhr.status < 400) {
    clearFeedback();
    return;
  }
  const { message, fields } = refusalOf(xhr);
  const refusals = Array.isArray(fields) && fields.length ? fields : [{ field: null, message }];
  const marked = refusals.map((r) => ({ element: elementForVariable(r.field), message: r.message }));
  showRefusal('提交未成功，请修改后再提交：', refusals.map((r) => r.message).filter(Boolean),
    (marked.find((m) => m.element) || {}).element);
  marked.forEach((m) => markField(m.element, m.message));
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (method && method.toUpperCase() === 'POST' && SUBMISSION.test(String(url).split('?')[0])) {
    this.addEventListener('loadend', () => onSubmissionAnswered(this));
  }
  return open.apply(this, arguments);
};

// ---------------------------------------------------------------------------------------------------------------
// Embedded HTML forms with file uploads (forms/*.html) share this behaviour instead of each carrying a copy

/** A display variable's value for `$scope.shown`: a Json list or object parsed, anything else as it is. */
function shownValue(variable) {
  if (!variable) {
    return null;
  }
  if (variable.type === 'Json' && typeof variable.value === 'string') {
    try {
      return JSON.parse(variable.value);
    } catch (e) {
      return null;
    }
  }
  return variable.value;
}

/**
 * Wires an embedded form's script: shows the decision, checks the chosen files (type, size, required) and any
 * further `checks` before anything is sent, shows refusals next to the field and the submit button, and sends
 * neither the display-only variables nor empty optional file slots. The server checks everything again. Each display
 * variable is also offered to the form as `shown.<name>` (the decision as `decisionInfo.number` / `.title`).
 *
 * config: { display: ['decisionNumber', …], files: [{ name, label, required }], accept: RegExp, acceptText,
 *           maxBytes, checks: [() => [{ name, message }]] }
 */
function fileForm(camForm, $scope, config) {
  const variables = camForm.variableManager;
  const root = () => camForm.formElement[0];
  const input = (name) => root().querySelector(`[cam-variable-name="${name}"]`);
  const chosen = (name) => {
    const el = input(name);
    return el && el.files && el.files.length ? el.files[0] : null;
  };
  let dropped = [];
  $scope.decisionInfo = {};

  function problems() {
    const found = [];
    for (const slot of config.files) {
      const file = chosen(slot.name);
      if (!file) {
        if (slot.required) {
          found.push({ name: slot.name, message: `请选择要上传的${slot.label}。` });
        }
        continue;
      }
      if (!config.accept.test(file.name)) {
        found.push({ name: slot.name, message: `${slot.label}（${file.name}）的格式不支持，只能上传${config.acceptText}。` });
      }
      if (file.size > config.maxBytes) {
        found.push({ name: slot.name, message: `${slot.label}（${file.name}）超过 ${Math.round(config.maxBytes / 1048576)} MB。` });
      }
    }
    (config.checks || []).forEach((check) => found.push(...check(root())));
    return found;
  }

  camForm.on('form-loaded', () => {
    (config.display || []).forEach((name) => variables.fetchVariable(name));
    config.files.forEach((slot) => {
      const el = input(slot.name);
      if (el) {
        el.addEventListener('change', () => clearFeedback());
      }
    });
  });

  camForm.on('variables-fetched', () => {
    $scope.decisionInfo.number = variables.variableValue('decisionNumber');
    $scope.decisionInfo.title = variables.variableValue('decisionTitle');
    // every display variable by name, for forms that show more than the decision (Json lists arrive as text)
    $scope.shown = {};
    (config.display || []).forEach((name) => {
      $scope.shown[name] = shownValue(variables.variable(name));
    });
  });

  camForm.on('submit', () => {
    const found = problems();
    if (found.length) {
      camForm.submitPrevented = true;
      const fields = found.map((p) => ({ element: elementForVariable(p.name), message: p.message }));
      showRefusal('提交未成功，请修改后再提交：', found.map((p) => p.message), fields[0].element);
      fields.forEach((f) => markField(f.element, f.message));
      return;
    }
    (config.display || []).forEach((name) => {
      if (variables.variable(name)) {
        variables.destroyVariable(name);
      }
    });
    // an empty optional slot is not sent: the SDK would submit it as an empty file
    camForm.fields = camForm.fields.filter((field) => {
      const el = field.element && field.element[0];
      if (el && el.type === 'file' && !(el.files && el.files.length)) {
        dropped.push(field);
        if (variables.variable(field.variableName)) {
          variables.destroyVariable(field.variableName);
        }
        return false;
      }
      return true;
    });
  });

  camForm.on('submit-failed', () => {
    camForm.fields = camForm.fields.concat(dropped);
    dropped = [];
  });
}

window.decisionReviewForms = { showRefusal, markField, clearFeedback, translateMessage, currentForm, fileForm };

// ---------------------------------------------------------------------------------------------------------------
// Failing loudly

function reportProblems() {
  if (!problems.length) {
    return;
  }
  console.error('[decision-review] 表单补丁未生效：', problems);
  const bar = document.createElement('div');
  bar.className = 'alert alert-danger decision-review-patch-failed';
  bar.setAttribute('role', 'alert');
  bar.textContent = '表单兼容补丁未能生效（' + problems.join('；') + '）：含列表的表单可能无法提交，界面可能出现英文。'
    + '请联系系统管理员（README“Tasklist 中的表单”一节）。';
  document.body.insertBefore(bar, document.body.firstChild);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', reportProblems);
} else {
  reportProblems();
}

window.decisionReviewFormsPatch = { problems };

export default [];
