/*
 * 重大行政决策跟踪反馈与后评估系统 — 督办 in Cockpit (README “督办”).
 *
 * Three Cockpit plugins (7.14+ JavaScript plugin API, loaded through config.js customScripts):
 *  - cockpit.navigation: the header entry 督办, shown to the roles that may read the board;
 *  - cockpit.route #/supervision: the board itself, from GET /api/supervision/decisions, sorted and filtered here
 *    in the browser (unit, tracking status, phase, overdue, text);
 *  - cockpit.dashboard: one line with the counts and a link to the board;
 *  - cockpit.processDefinition.runtime.tab 决策名称: the definition's instances with business key (决策文号), title and
 *    unit. Cockpit 7.24's own instance table has fixed columns (state, id, start time, business key) and no plugin
 *    point for more, so the title stands in this tab beside it, read with the user's own engine permissions.
 * Every value is put into the page as text (textContent), never as HTML: titles are typed by users.
 */

const ROUTE = '/supervision';
const READERS = ['supervision-office', 'legal-affairs', 'decision-authority', 'camunda-admin'];
const NOT_ALLOWED = '无权查看：督办情况仅供市政府办公室督办科、市司法局和决策机关查看。';

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/** The board's API lives beside the webapps: /camunda → /api/supervision/decisions. */
function boardUrl() {
  return appRoot().replace(/\/camunda$/, '') + '/api/supervision/decisions';
}

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
}

let readable;
/** Whether the logged-in user belongs to a group that may read the board (the server decides again: 403). */
function mayRead(engineApi) {
  if (!readable) {
    readable = getJson(`${appRoot()}/api/admin/auth/user/default`)
      .then((r) => (r.ok ? r.json() : null))
      .then((user) => (user && user.userId
        ? getJson(`${engineApi}/group?member=${encodeURIComponent(user.userId)}`).then((r) => (r.ok ? r.json() : []))
        : []))
      .then((groups) => groups.some((g) => READERS.includes(g.id)))
      .catch(() => false);
    // a login or logout inside the page changes who asks
    window.addEventListener('hashchange', () => { readable = undefined; }, { once: true });
  }
  return readable;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key === 'on') {
      Object.entries(value).forEach(([event, handler]) => node.addEventListener(event, handler));
    } else if (key === 'style') {
      node.style.cssText = value;
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function instanceLink(id, text, testId) {
  return el('a', { href: `#/process-instance/${encodeURIComponent(id)}/runtime`, 'data-test': testId }, text);
}

function dateTime(iso) {
  return iso ? iso.replace('T', ' ').slice(0, 16) : '';
}

const STYLE = `
.dr-supervision { padding: 15px 20px; }
.dr-supervision h2 { margin: 0 0 10px; font-size: 20px; }
.dr-supervision .dr-filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 10px; }
.dr-supervision .dr-filters label { font-weight: normal; margin: 0; }
.dr-supervision table { width: 100%; }
.dr-supervision th.dr-sortable { cursor: pointer; white-space: nowrap; }
.dr-supervision td { vertical-align: top; }
.dr-supervision .dr-overdue { color: #b5152b; font-weight: bold; }
.dr-supervision .dr-task { margin-bottom: 6px; }
.dr-supervision .dr-task + .dr-task { border-top: 1px dotted #ccc; padding-top: 4px; }
.dr-supervision .dr-muted { color: #777; }
.dr-supervision .dr-refused { padding: 20px; font-size: 16px; }
`;

function addStyle() {
  if (!document.getElementById('dr-supervision-style')) {
    document.head.appendChild(el('style', { id: 'dr-supervision-style' }, STYLE));
  }
}

function taskView(task) {
  const late = task.overdue
    ? el('span', { class: 'dr-overdue' }, `已逾期 ${task.workingDaysOverdue} 个工作日`)
    : null;
  const escalation = task.escalationCount > 0
    ? el('div', { 'data-test': 'escalation' },
      `督办 ${task.escalationCount} 次，第 ${task.escalationLevel} 级，最近 ${dateTime(task.lastEscalatedAt)}`)
    : null;
  return el('div', { class: 'dr-task', 'data-task-id': task.taskId },
    el('div', null, el('strong', null, task.name), task.phaseLabel ? el('span', { class: 'dr-muted' }, `（${task.phaseLabel}）`) : null),
    el('div', null, `办理：${task.holder}`),
    el('div', null, task.dueDate ? `期限：${task.dueDate} ` : '期限：无（等待事件）', late),
    escalation);
}

function evaluationView(evaluation) {
  if (!evaluation) {
    return el('span', { class: 'dr-muted' }, '无进行中的评估');
  }
  return el('div', null,
    el('div', null, evaluation.evaluationTypeLabel || '评估', evaluation.legalBasis ? `（${evaluation.legalBasis}）` : ''),
    evaluation.procedureLabel ? el('div', { class: 'dr-muted' }, evaluation.procedureLabel) : null,
    evaluation.evaluatorTypeLabel
      ? el('div', { class: 'dr-muted' }, evaluation.evaluatorTypeLabel, evaluation.agencyName ? `：${evaluation.agencyName}` : '')
      : null,
    el('div', null, '阶段：', el('strong', null, evaluation.phaseLabel || '—'), evaluation.suspended ? '（已挂起）' : ''),
    instanceLink(evaluation.processInstanceId, '查看评估流程实例', 'evaluation-link'));
}

const COLUMNS = [
  { key: 'decisionNumber', label: '决策文号' },
  { key: 'title', label: '决策名称' },
  { key: 'executingUnitName', label: '执行单位' },
  { key: 'statusLabel', label: '跟踪状态' },
  { key: 'phase', label: '评估与阶段', value: (d) => (d.evaluation ? d.evaluation.phaseLabel || '' : '') },
  { key: 'tasks', label: '当前任务', sortable: false },
  { key: 'maxWorkingDaysOverdue', label: '逾期（工作日）', numeric: true },
  { key: 'escalationCount', label: '督办次数', numeric: true },
  { key: 'rectifications', label: '整改事项', numeric: true,
    value: (d) => (d.rectifications ? d.rectifications.overdue * 1000 + d.rectifications.open : 0) },
];

/** 整改事项 of a decision (Art. 16, 17): open, closed, overdue. */
function rectificationView(r) {
  if (!r || !r.recommendations) {
    return el('span', { class: 'dr-muted' }, '—');
  }
  return el('div', { class: r.overdue > 0 ? 'dr-overdue' : null },
    `未办结 ${r.open}，已办结 ${r.closed}`, r.overdue > 0 ? `，逾期 ${r.overdue}` : '');
}

/** The items per responsible unit (Art. 26): open, closed, overdue, carried out. */
function unitRectificationTable(units) {
  const rows = (units || []).map((u) => el('tr', { 'data-unit': u.unit },
    el('td', null, u.unitName || u.unit), el('td', null, String(u.counts.open)), el('td', null, String(u.counts.closed)),
    el('td', { class: u.counts.overdue > 0 ? 'dr-overdue' : null }, String(u.counts.overdue)),
    el('td', null, String(u.counts.carriedOut)), el('td', null, String(u.counts.rejected))));
  return el('div', { id: 'dr-rectification-units' },
    el('h3', null, '整改事项（按责任单位）'),
    rows.length ? el('table', { class: 'table table-striped table-condensed cam-table', id: 'dr-rectification-table' },
      el('thead', null, el('tr', null, ['责任单位', '未办结', '已办结', '已逾期', '已落实（已完成）', '未采纳']
        .map((h) => el('th', null, h)))), el('tbody', null, rows))
      : el('p', { class: 'dr-muted' }, '暂无整改事项。'));
}

function renderBoard(container, board) {
  const state = { sort: 'maxWorkingDaysOverdue', descending: true, unit: '', status: '', phase: '', overdue: false, text: '' };
  // a unit or status the directory does not name (a unit since removed) still gets an entry, under its id
  const units = [...new Map(board.decisions.map((d) => [d.executingUnit, d.executingUnitName || d.executingUnit])).entries()]
    .filter(([id]) => id).sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'zh'));
  const statuses = [...new Map(board.decisions.map((d) => [d.status, d.statusLabel || d.status])).entries()];
  const phases = [...new Set(board.decisions.map((d) => (d.evaluation ? d.evaluation.phaseLabel : null)).filter(Boolean))];
  const select = (id, label, options, key) => el('label', null, label,
    el('select', { id, class: 'form-control input-sm', style: 'display:inline-block;width:auto;margin-left:4px',
      on: { change: (e) => { state[key] = e.target.value; draw(); } } },
    el('option', { value: '' }, '全部'), options.map(([value, text]) => el('option', { value }, text))));
  const summary = el('div', { class: 'dr-muted', id: 'dr-supervision-summary' });
  const tbody = el('tbody');
  const headers = COLUMNS.map((c) => el('th', {
    class: c.sortable === false ? null : 'dr-sortable', 'data-sort': c.key,
    on: c.sortable === false ? null : { click: () => {
      state.descending = state.sort === c.key ? !state.descending : !!c.numeric;
      state.sort = c.key;
      draw();
    } } }, c.label));

  container.appendChild(el('div', { class: 'dr-filters' },
    select('dr-filter-unit', '执行单位', units, 'unit'),
    select('dr-filter-status', '跟踪状态', statuses, 'status'),
    select('dr-filter-phase', '评估阶段', phases.map((p) => [p, p]), 'phase'),
    el('label', null, el('input', { type: 'checkbox', id: 'dr-filter-overdue',
      on: { change: (e) => { state.overdue = e.target.checked; draw(); } } }), ' 仅看有逾期任务的决策'),
    el('input', { type: 'search', id: 'dr-filter-text', class: 'form-control input-sm', placeholder: '搜索文号或名称',
      style: 'width:16em', on: { input: (e) => { state.text = e.target.value.trim(); draw(); } } })));
  container.appendChild(summary);
  container.appendChild(el('table', { class: 'table table-striped table-condensed cam-table', id: 'dr-supervision-table' },
    el('thead', null, el('tr', null, headers)), tbody));
  container.appendChild(unitRectificationTable(board.rectificationsByUnit));

  function value(d, column) {
    return column.value ? column.value(d) : d[column.key];
  }

  function draw() {
    const column = COLUMNS.find((c) => c.key === state.sort);
    const rows = board.decisions.filter((d) => (!state.unit || d.executingUnit === state.unit)
        && (!state.status || d.status === state.status)
        && (!state.phase || (d.evaluation && d.evaluation.phaseLabel === state.phase))
        && (!state.overdue || d.overdueTaskCount > 0)
        && (!state.text || `${d.decisionNumber} ${d.title || ''}`.includes(state.text)))
      .sort((a, b) => {
        const x = value(a, column);
        const y = value(b, column);
        const order = column.numeric ? (x || 0) - (y || 0) : String(x || '').localeCompare(String(y || ''), 'zh');
        return (state.descending ? -order : order) || String(a.decisionNumber).localeCompare(String(b.decisionNumber), 'zh');
      });
    headers.forEach((th) => {
      const c = COLUMNS.find((col) => col.key === th.getAttribute('data-sort'));
      th.textContent = c.label + (c.key === state.sort ? (state.descending ? ' ▼' : ' ▲') : '');
    });
    const overdueTasks = rows.reduce((n, d) => n + d.overdueTaskCount, 0);
    summary.textContent = `共 ${rows.length} 项决策，其中 ${rows.filter((d) => d.evaluation).length} 项正在评估，`
      + `${overdueTasks} 个任务已逾期（截至 ${board.today}，按工作日计算）。`;
    tbody.replaceChildren(...(rows.length ? rows.map((d) => el('tr', { 'data-decision-number': d.decisionNumber },
      el('td', null, instanceLink(d.evaluation ? d.evaluation.processInstanceId : d.trackingProcessInstanceId,
        d.decisionNumber, 'row-link')),
      el('td', null, d.title || '', el('div', null, instanceLink(d.trackingProcessInstanceId, '跟踪流程实例', 'tracking-link'))),
      el('td', null, d.executingUnitName || ''),
      el('td', null, d.statusLabel || d.status),
      el('td', null, evaluationView(d.evaluation)),
      el('td', null, d.tasks && d.tasks.length ? d.tasks.map(taskView) : el('span', { class: 'dr-muted' }, '无待办任务')),
      el('td', { class: d.maxWorkingDaysOverdue > 0 ? 'dr-overdue' : null },
        d.overdueTaskCount > 0 ? String(d.maxWorkingDaysOverdue) : '—'),
      el('td', null, String(d.escalationCount)),
      el('td', null, rectificationView(d.rectifications))))
      : [el('tr', null, el('td', { colspan: COLUMNS.length, class: 'dr-muted' }, '没有符合条件的决策。'))]));
  }

  draw();
}

function renderPage(node) {
  addStyle();
  const container = el('div', { class: 'dr-supervision', id: 'dr-supervision' },
    el('h2', null, '督办：重大行政决策跟踪与评估进度'),
    el('p', { class: 'dr-muted', id: 'dr-supervision-loading' }, '正在加载……'));
  node.appendChild(container);
  getJson(boardUrl()).then((response) => {
    container.querySelector('#dr-supervision-loading').remove();
    if (response.status === 401 || response.status === 403) {
      container.appendChild(el('div', { class: 'alert alert-warning dr-refused', id: 'dr-supervision-refused' }, NOT_ALLOWED));
      return null;
    }
    if (!response.ok) {
      return response.json().catch(() => ({})).then((body) => {
        container.appendChild(el('div', { class: 'alert alert-danger' }, `督办情况加载失败：${body.message || response.status}`));
      });
    }
    return response.json().then((board) => renderBoard(container, board));
  }).catch((error) => {
    // the cause goes to the console for whoever looks; the supervisor reads a plain sentence
    console.error('督办情况加载失败', error);
    container.appendChild(el('div', { class: 'alert alert-danger', id: 'dr-supervision-failed' },
      '督办情况加载失败，请稍后刷新页面。'));
  });
}

const PAGE = 50;

/** The 决策名称 tab: one page of the definition's running instances with their decision title and unit. */
function renderTitles(node, api, processDefinitionId) {
  addStyle();
  const state = { first: 0, text: '' };
  const tbody = el('tbody');
  const info = el('span', { class: 'dr-muted', style: 'margin-left:8px' });
  const previous = el('button', { class: 'btn btn-default btn-xs', on: { click: () => { state.first -= PAGE; load(); } } }, '上一页');
  const next = el('button', { class: 'btn btn-default btn-xs', on: { click: () => { state.first += PAGE; load(); } } }, '下一页');
  const search = el('input', { type: 'search', id: 'dr-titles-search', class: 'form-control input-sm', placeholder: '按决策名称搜索',
    style: 'display:inline-block;width:16em',
    on: { change: (e) => { state.text = e.target.value.trim(); state.first = 0; load(); } } });
  node.appendChild(el('div', { class: 'dr-supervision', id: 'dr-decision-titles', style: 'padding:10px 0' },
    el('div', { class: 'dr-filters' }, search, previous, next, info),
    el('table', { class: 'table table-striped table-condensed cam-table' },
      el('thead', null, el('tr', null, el('th', null, '业务键（决策文号）'), el('th', null, '决策名称'), el('th', null, '执行单位'),
        el('th', null, '流程实例'))), tbody)));
  let groups;

  function query() {
    const params = new URLSearchParams({ processDefinitionId });
    if (state.text) {
      params.set('variables', `decisionTitle_like_%${state.text.replace(/_/g, '')}%`);
    }
    return params;
  }

  let latest = 0;

  function load() {
    // only the newest request draws: an earlier page or search that answers late is dropped
    const ticket = ++latest;
    const list = query();
    list.set('firstResult', String(Math.max(0, state.first)));
    list.set('maxResults', String(PAGE));
    list.set('sortBy', 'businessKey');
    list.set('sortOrder', 'asc');
    groups = groups || getJson(`${api.engineApi}/group`).then((r) => (r.ok ? r.json() : [])).catch(() => []);
    Promise.all([
      getJson(`${api.engineApi}/process-instance?${list}`).then((r) => (r.ok ? r.json() : [])),
      getJson(`${api.engineApi}/process-instance/count?${query()}`).then((r) => (r.ok ? r.json() : { count: 0 })),
      groups,
    ]).then(([instances, count, groupList]) => {
      if (ticket !== latest) {
        return null;
      }
      const names = new Map(groupList.map((g) => [g.id, g.name]));
      previous.disabled = state.first <= 0;
      next.disabled = state.first + PAGE >= count.count;
      info.textContent = count.count
        ? `第 ${state.first + 1}–${state.first + instances.length} 个，共 ${count.count} 个运行中的流程实例`
        : '没有可查看的运行中流程实例';
      if (!instances.length) {
        tbody.replaceChildren();
        return null;
      }
      // the instances' own variables (scope = the instance), one request per name: the REST API has no name list
      const ids = instances.map((i) => i.id).join(',');
      const byName = (name) => getJson(`${api.engineApi}/variable-instance?variableScopeIdIn=${ids}`
          + `&variableName=${name}&deserializeValues=false`).then((r) => (r.ok ? r.json() : []));
      return Promise.all([byName('decisionTitle'), byName('executingUnit')])
        .then((lists) => {
          if (ticket !== latest) {
            return;
          }
          const values = new Map();
          lists.flat().forEach((v) => values.set(`${v.processInstanceId}/${v.name}`, v.value));
          tbody.replaceChildren(...instances.map((i) => {
            const unit = values.get(`${i.id}/executingUnit`);
            return el('tr', { 'data-instance-id': i.id },
              el('td', null, i.businessKey || ''),
              el('td', null, values.get(`${i.id}/decisionTitle`) || ''),
              el('td', null, unit ? names.get(unit) || unit : ''),
              el('td', null, instanceLink(i.id, i.id, 'instance-link')));
          }));
        });
    }).catch(() => { info.textContent = '加载失败，请刷新页面。'; });
  }

  load();
}

export default [
  {
    id: 'decisionReviewSupervisionNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: ROUTE },
    render: (node, { api }) => {
      mayRead(api.engineApi).then((allowed) => {
        if (allowed) {
          node.appendChild(el('a', { href: `#${ROUTE}`, id: 'dr-supervision-nav' }, '督办'));
        } else if (node.parentElement) {
          node.parentElement.style.display = 'none';
        }
      });
    },
  },
  {
    id: 'decisionReviewSupervisionPage',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE },
    render: (node) => renderPage(node),
  },
  {
    id: 'decisionReviewSupervisionDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => {
      mayRead(api.engineApi).then((allowed) => {
        if (!allowed) {
          return null;
        }
        addStyle();
        return getJson(boardUrl()).then((r) => (r.ok ? r.json() : null)).then((board) => {
          if (!board) {
            return;
          }
          const evaluating = board.decisions.filter((d) => d.evaluation).length;
          const overdue = board.decisions.reduce((n, d) => n + d.overdueTaskCount, 0);
          node.appendChild(el('section', { class: 'dr-supervision', id: 'dr-supervision-dashboard' },
            el('h3', null, el('a', { href: `#${ROUTE}` }, '督办')),
            el('p', null, `${board.decisions.length} 项决策在册，${evaluating} 项正在评估，`,
              el('span', { class: overdue ? 'dr-overdue' : null }, `${overdue} 个任务已逾期`), '。',
              el('a', { href: `#${ROUTE}`, style: 'margin-left:8px' }, '查看督办情况 »'))));
        });
      });
    },
  },
  {
    id: 'decisionReviewDecisionTitles',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    // after Cockpit's own 流程实例 tab, which stays the first and default one
    priority: 9.5,
    properties: { label: '决策名称' },
    render: (node, { api, processDefinitionId }) => renderTitles(node, api, processDefinitionId),
  },
];
